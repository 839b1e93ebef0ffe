import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatIssue } from './catalog-issue.ts';
import { DEFAULT_CATALOG_DIR, inspectCatalog, loadCatalog } from './load-catalog.ts';

const SOURCE = { title: '来源', url: 'https://example.gov.cn/a', retrieved: '2026-11-23' };

function matter(id: string, materials: object[] = []) {
  return {
    id,
    name: `事项${id}`,
    department: '某部门',
    type: '公共服务',
    legalBasis: ['某条例'],
    conditions: ['某条件'],
    materials,
    steps: [{ name: '申请' }],
    timeLimit: { promisedDays: 1 },
    fees: { free: true },
    channels: [{ kind: 'office', name: '窗口' }],
    source: SOURCE,
  };
}

function bundle(over: object = {}) {
  return {
    id: 'b',
    name: '测试一件事',
    audience: 'person',
    summary: '用于测试加载器的一件事。',
    leadDepartment: '某部门',
    aliases: ['甲甲', '乙乙', '丙丙'],
    matters: [{ id: 'm1' }, { id: 'm2', after: ['m1'] }],
    facts: ['proxy'],
    form: { fields: [{ key: 'applicant.name', label: '姓名', type: 'text', matters: ['m1'] }] },
    channels: [{ kind: 'online', name: '平台' }],
    sources: [SOURCE],
    ...over,
  };
}

/** Writes a small catalog into a temp dir; `patch` changes files before writing. */
function writeCatalog(patch: (files: Record<string, unknown>) => void): string {
  const files: Record<string, unknown> = {
    'bundles/b.yaml': bundle(),
    'matters/m1.yaml': matter('m1', [
      { ref: 'id-card' },
      { ref: 'poa', condition: { fact: 'proxy', is: true } },
    ]),
    'matters/m2.yaml': matter('m2', [{ ref: 'id-card', forms: ['copy'] }]),
    'materials/common.yaml': [
      { id: 'id-card', name: '居民身份证', kind: 'identity', shared: 'elicence-id' },
      { id: 'poa', name: '授权委托书', kind: 'form' },
    ],
    'facts/common.yaml': [
      {
        id: 'proxy',
        question: '是否委托他人代办？',
        kind: 'boolean',
        options: [
          { value: true, label: '是' },
          { value: false, label: '否' },
        ],
      },
    ],
    'shared-sources/a.yaml': [
      { id: 'elicence-id', name: '身份证电子证照', kind: 'elicence', provider: '公安' },
    ],
  };
  patch(files);
  const root = mkdtempSync(join(tmpdir(), 'yishi-catalog-'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(root, path.split('/')[0] ?? ''), { recursive: true });
    writeFileSync(join(root, path), typeof data === 'string' ? data : stringify(data));
  }
  return root;
}

const problems = (root: string) => inspectCatalog(root).issues.map(formatIssue);

describe('catalog loader', () => {
  it('loads a valid catalog and applies defaults', () => {
    const catalog = loadCatalog(writeCatalog(() => {}));
    expect(catalog.bundles.get('b')?.matters[0]?.after).toEqual([]);
    expect(catalog.matters.get('m2')?.materials[0]?.forms).toEqual(['copy']);
    expect(catalog.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file and the path inside it for schema errors', () => {
    const root = writeCatalog((f) => {
      f['matters/m2.yaml'] = {
        ...matter('m2'),
        timeLimit: { promisedDays: -1 },
        channels: [{ kind: 'fax', name: '传真' }],
      };
    });
    const out = problems(root);
    expect(out.some((p) => p.startsWith('matters/m2.yaml at timeLimit.promisedDays:'))).toBe(true);
    expect(out.some((p) => p.startsWith('matters/m2.yaml at channels[0].kind:'))).toBe(true);
    expect(() => loadCatalog(root)).toThrow(/matters\/m2\.yaml at timeLimit\.promisedDays/);
  });

  it('reports unparseable YAML with its file', () => {
    const out = problems(writeCatalog((f) => (f['matters/m2.yaml'] = 'id: [unclosed')));
    expect(out[0]).toMatch(/^matters\/m2\.yaml: cannot parse/);
    expect(out).toContain('bundles/b.yaml at matters[1].id: unknown matter "m2"');
  });

  it('reports a referenced matter that does not exist', () => {
    const out = problems(
      writeCatalog((f) => (f['bundles/b.yaml'] = bundle({ matters: [{ id: 'm1' }, { id: 'ghost' }] }))),
    );
    expect(out).toContain('bundles/b.yaml at matters[1].id: unknown matter "ghost"');
  });

  it('reports dependency cycles', () => {
    const out = problems(
      writeCatalog(
        (f) =>
          (f['bundles/b.yaml'] = bundle({
            matters: [
              { id: 'm1', after: ['m2'] },
              { id: 'm2', after: ['m1'] },
            ],
          })),
      ),
    );
    expect(out.some((p) => p.includes('dependencies form a cycle: m1 → m2 → m1'))).toBe(true);
  });

  it('reports a conditional material whose fact the bundle does not declare', () => {
    const out = problems(writeCatalog((f) => (f['bundles/b.yaml'] = bundle({ facts: [] }))));
    expect(out.some((p) => p.includes('condition uses fact "proxy" that the bundle does not declare'))).toBe(
      true,
    );
  });

  it('reports a condition value the fact cannot take', () => {
    const out = problems(
      writeCatalog(
        (f) =>
          (f['matters/m2.yaml'] = matter('m2', [{ ref: 'poa', condition: { fact: 'proxy', is: 'maybe' } }])),
      ),
    );
    expect(out).toContain('matters/m2.yaml at materials[0].condition: fact "proxy" has no option "maybe"');
  });

  it('reports undeclared shared sources and materials', () => {
    const out = problems(
      writeCatalog((f) => {
        f['matters/m2.yaml'] = matter('m2', [{ ref: 'ghost-paper' }, { ref: 'id-card', shared: 'nowhere' }]);
      }),
    );
    expect(out).toContain(
      'matters/m2.yaml at materials[0].ref: unknown material "ghost-paper" (declare it in materials/)',
    );
    expect(out).toContain('matters/m2.yaml at materials[1].shared: unknown shared source "nowhere"');
  });

  it('reports form fields that map to no member matter', () => {
    const out = problems(
      writeCatalog((f) => {
        f['bundles/b.yaml'] = bundle({
          form: { fields: [{ key: 'a.b', label: '某项', type: 'text', matters: ['m9'] }] },
        });
      }),
    );
    expect(out).toContain(
      'bundles/b.yaml at form.fields[0].matters[0]: "m9" is not a member matter of this bundle',
    );
  });

  it('reports duplicate ids and file names that differ from ids', () => {
    const out = problems(
      writeCatalog((f) => {
        f['materials/more.yaml'] = [{ id: 'poa', name: '委托书', kind: 'form' }];
        f['matters/other.yaml'] = matter('m3');
      }),
    );
    expect(out).toContain(
      'materials/more.yaml at [0].id: duplicate id "poa" (first defined in materials/common.yaml)',
    );
    expect(out).toContain('matters/other.yaml at id: file name must equal the id "m3"');
  });

  it('loads the shipped catalog without problems', () => {
    const { catalog, issues } = inspectCatalog(DEFAULT_CATALOG_DIR);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(catalog.bundles.size).toBeGreaterThanOrEqual(8);
  });
});
