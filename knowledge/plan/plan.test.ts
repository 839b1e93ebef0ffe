import { describe, expect, it } from 'vitest';
import { buildCatalog, testBoolFact, testMatter, testUse } from '../testing/catalog-builder.ts';
import { plan } from './plan.ts';

const catalog = buildCatalog({
  facts: [testBoolFact('by-proxy'), testBoolFact('insured')],
  sharedSources: [
    { id: 'elicence-id-card', name: '居民身份证电子证照', kind: 'elicence', provider: '公安机关' },
  ],
  materials: [
    { id: 'id-card', name: '居民身份证', kind: 'identity', shared: 'elicence-id-card', aliases: [] },
    { id: 'cert', name: '出生医学证明', kind: 'certificate', aliases: [] },
    { id: 'poa', name: '授权委托书', kind: 'form', aliases: [] },
    { id: 'invoice', name: '医疗费用发票', kind: 'proof', aliases: [] },
  ],
  matters: [
    testMatter('a', [testUse('id-card'), testUse('poa', { condition: { fact: 'by-proxy', is: true } })], 5),
    testMatter(
      'b',
      [testUse('cert'), testUse('id-card'), testUse('poa', { condition: { fact: 'by-proxy', is: true } })],
      10,
    ),
    testMatter('c', [testUse('invoice')], 20),
    testMatter('d', [testUse('cert', { forms: ['copy'] })], 1),
  ],
  bundles: [
    {
      id: 'birth',
      facts: ['by-proxy', 'insured'],
      promisedDays: 5,
      matters: [
        { id: 'a', after: [] },
        { id: 'b', after: ['a'] },
        { id: 'c', after: ['b'], condition: { fact: 'insured', is: true } },
        { id: 'd', after: ['c'] },
      ],
    },
  ],
  overlays: [
    {
      region: '430100',
      regionName: '长沙市',
      bundle: 'birth',
      addMatters: [],
      removeMatters: ['c'],
      matterOverrides: [
        {
          matter: 'a',
          timeLimit: { promisedDays: 2, unit: 'workday' },
          addMaterials: [],
          removeMaterials: [],
        },
      ],
      promisedDays: 3,
      source: { title: '长沙市版本', url: 'https://example.gov.cn/cs', retrieved: '2026-11-23' },
    },
  ],
});

describe('plan', () => {
  it('merges materials by identity and names every matter that needs them', () => {
    const p = plan(catalog, { bundleId: 'birth', facts: { insured: true } });
    const ids = p.checklist.map((c) => c.id);
    expect(ids).toEqual(['id-card', 'poa', 'cert', 'invoice']);
    const cert = p.checklist.find((c) => c.id === 'cert');
    expect(cert?.matters).toEqual(['事项b', '事项d']);
    expect(cert?.forms).toEqual(['original', 'copy']);
  });

  it('marks shared, conditional and submit materials', () => {
    const p = plan(catalog, { bundleId: 'birth' });
    const byId = Object.fromEntries(p.checklist.map((c) => [c.id, c]));
    expect(byId['id-card']).toMatchObject({ status: 'shared', source: '居民身份证电子证照' });
    expect(byId.poa).toMatchObject({ status: 'conditional', fact: 'by-proxy', condition: '是否by-proxy？' });
    expect(byId.cert?.status).toBe('submit');
    expect(byId.invoice).toMatchObject({ status: 'conditional', fact: 'insured' });
  });

  it('submits a shared material when the office cannot read that source', () => {
    const p = plan(catalog, { bundleId: 'birth', sharedAvailable: new Set() });
    expect(p.checklist.find((c) => c.id === 'id-card')?.status).toBe('submit');
  });

  it('drops materials and matters whose condition is false and keeps the order transitive', () => {
    const p = plan(catalog, { bundleId: 'birth', facts: { 'by-proxy': false, insured: false } });
    expect(p.checklist.map((c) => c.id)).toEqual(['id-card', 'cert']);
    expect(p.steps.map((s) => [s.matter.id, s.stage, s.after])).toEqual([
      ['a', 1, []],
      ['b', 2, ['a']],
      ['d', 3, ['b']],
    ]);
    expect(p.questions).toEqual([]);
  });

  it('asks the most decisive question first and flags conditional steps', () => {
    const p = plan(catalog, { bundleId: 'birth' });
    expect(p.questions.map((q) => [q.fact, q.impact])).toEqual([
      ['insured', 2],
      ['by-proxy', 1],
    ]);
    expect(p.steps.find((s) => s.matter.id === 'c')?.conditional).toEqual({
      fact: 'insured',
      question: '是否insured？',
    });
  });

  it('computes the critical path and keeps the bundle promise', () => {
    const p = plan(catalog, { bundleId: 'birth', facts: { insured: true } });
    expect(p.timing).toEqual({ promisedDays: 5, criticalPathDays: 36, unit: 'workday' });
    expect(p.steps[0]?.timeLimit.text).toBe('承诺5个工作日');
  });

  it('uses the most specific region version and says when it falls back', () => {
    const county = plan(catalog, { bundleId: 'birth', region: '430102' });
    expect(county.region).toMatchObject({
      requested: '430102',
      used: '430100',
      name: '长沙市',
      fallback: false,
    });
    expect(county.steps.map((s) => s.matter.id)).toEqual(['a', 'b', 'd']);
    expect(county.timing.promisedDays).toBe(3);
    expect(county.citations[0]?.title).toBe('长沙市版本');
    const other = plan(catalog, { bundleId: 'birth', region: '110101' });
    expect(other.region).toMatchObject({ fallback: true, name: '全国通用版本' });
    expect(other.region.note).toContain('全国通用版本');
  });

  it('asks the question whose answer alone settles a merged condition', () => {
    const c = buildCatalog({
      facts: [testBoolFact('local'), testBoolFact('proxy')],
      materials: [{ id: 'agent-id', name: '代办人身份证', kind: 'identity', aliases: [] }],
      matters: [
        testMatter('x', [testUse('agent-id', { condition: { fact: 'proxy', is: true } })]),
        testMatter('y', [testUse('agent-id', { condition: { fact: 'proxy', is: true } })]),
      ],
      bundles: [
        {
          id: 'k',
          facts: ['local', 'proxy'],
          matters: [
            { id: 'x', after: [] },
            { id: 'y', after: [], condition: { fact: 'local', is: true } },
          ],
        },
      ],
    });
    expect(plan(c, { bundleId: 'k' }).checklist[0]).toMatchObject({ status: 'conditional', fact: 'proxy' });
  });

  it('rejects an unknown bundle with a not_found error', () => {
    expect(() => plan(catalog, { bundleId: 'nope' })).toThrow(
      expect.objectContaining({ code: 'not_found:bundle' }),
    );
  });
});
