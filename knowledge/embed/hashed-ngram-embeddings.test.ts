import { describe, expect, it } from 'vitest';
import { HashedNgramEmbeddings } from './hashed-ngram-embeddings.ts';

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
const corpus = [
  '企业注销登记需要先清税',
  '退休人员养老金申领',
  '新生儿出生医学证明签发',
  '社会保障卡挂失补办',
];

describe('HashedNgramEmbeddings (the local embedding)', () => {
  const e = new HashedNgramEmbeddings();
  e.fit(corpus);

  it('is deterministic and L2-normalized', async () => {
    const [a, b] = await e.embedDocuments(['企业注销', '企业注销']);
    expect(a).toEqual(b);
    expect(Math.sqrt(cos(a ?? [], a ?? []))).toBeCloseTo(1, 6);
  });

  it('puts a homophone typo closer to the right text than to others', () => {
    const typo = e.embed('公司注消');
    expect(cos(typo, e.embed('企业注销登记'))).toBeGreaterThan(cos(typo, e.embed('退休人员养老金申领')));
    const retire = e.embed('退修手续');
    expect(cos(retire, e.embed('退休人员养老金申领'))).toBeGreaterThan(
      cos(retire, e.embed('社会保障卡挂失补办')),
    );
  });

  it('folds traditional characters into simplified', () => {
    expect(cos(e.embed('社會保障卡掛失'), e.embed('社会保障卡挂失'))).toBeCloseTo(1, 6);
  });

  it('restores its learnt IDF from saved state', () => {
    const other = new HashedNgramEmbeddings();
    other.load(e.fit(corpus));
    expect(other.embed('清税')).toEqual(e.embed('清税'));
  });
});
