import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '../../load/load-catalog.ts';
import { plan } from '../../plan/plan.ts';
import { importHunan } from './import-hunan.ts';

const authored = loadCatalog();
const run = (input: string) => {
  const output = join(mkdtempSync(join(tmpdir(), 'yishi-import-')), 'hunan');
  const result = importHunan({
    input,
    output,
    authoredRoot: DEFAULT_CATALOG_DIR,
    authored,
    retrieved: '2026-11-23',
  });
  return { ...result, output, catalog: loadCatalog([DEFAULT_CATALOG_DIR, output]) };
};

describe('Hunan importer on the synthetic fixture', () => {
  const { report, catalog } = run(join(import.meta.dirname, 'fixtures'));
  const json = report.toJSON();

  it('imports what it can and reports the broken file without stopping', () => {
    expect(json.counts).toMatchObject({ files: 5, bundleFiles: 3, matterFiles: 1, failedFiles: 1 });
    expect(json.issues).toContainEqual(
      expect.objectContaining({ file: 'onething/43PCN0010.json', kind: 'malformed' }),
    );
  });

  it('reports unknown and malformed fields with file and path', () => {
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        file: 'onething/43PCP9999.json',
        path: 'data.newPortalField',
        kind: 'unknown_field',
      }),
    );
    expect(json.issues).toContainEqual(
      expect.objectContaining({
        file: 'onething/43PCP9999.json',
        path: 'data.basicInfo.completedLimit',
        kind: 'malformed',
      }),
    );
    expect(json.skippedFields['bundle.basicInfo.lbjgId']).toEqual({ reason: 'internal id', count: 3 });
  });

  it('turns versions of an authored bundle into region overlays that change the plan', () => {
    const changsha = plan(catalog, { bundleId: 'newborn', region: '430100' });
    const furong = plan(catalog, { bundleId: 'newborn', region: '430102' });
    expect(changsha.region).toMatchObject({ used: '430100', name: '长沙市', fallback: false });
    expect(furong.region).toMatchObject({ used: '430102', name: '芙蓉区' });
    expect(changsha.contact?.phone).toBe('0731-11111111');
    expect(furong.contact?.phone).toBe('0731-22222222');
    expect(furong.channels.find((c) => c.kind === 'office')?.address).toBe('芙蓉区某路1号');
    const registration = furong.steps.find((s) => s.matter.id === 'newborn-birth-registration');
    expect(registration?.timeLimit.promisedDays).toBe(12);
    expect(json.issues).toContainEqual(
      expect.objectContaining({ kind: 'unmatched', message: expect.stringContaining('某个本地特有事项') }),
    );
  });

  it('turns a bundle the catalog lacks into a regional bundle linked to the matter guide', () => {
    const bundle = catalog.bundles.get('hn-43pcp9999');
    expect(bundle).toMatchObject({
      name: '示例补贴申领“一件事”',
      scope: '430000',
      audience: 'person',
      portalCodes: ['43PCP9999'],
    });
    expect(bundle?.promisedDays).toBeUndefined();
    const p = plan(catalog, { bundleId: 'hn-43pcp9999' });
    expect(p.steps.map((s) => s.stage)).toEqual([1, 2, 2]);
    const idCard = p.checklist.find((c) => c.id === 'id-card');
    expect(idCard?.status).toBe('shared');
    const form = p.checklist.find((c) => c.name === '示例补贴申请表');
    expect(form?.notes.join()).toContain('系统自动生成');
    const member = catalog.matters.get('hn-43pcp9999-m1');
    expect(member).toMatchObject({
      type: '行政给付',
      code: '430000000001',
      legalBasis: ['《某某条例》第十条'],
    });
    expect(catalog.bundles.get('hn-43pcp9999')?.faqs).toEqual([
      { q: '多久到账？', a: '审核通过后次月发放。' },
    ]);
  });
});

const HUNAN = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'hunan');

describe.skipIf(!existsSync(HUNAN))('Hunan importer on the real portal data (../shared/data/hunan)', () => {
  let catalog: ReturnType<typeof run>['catalog'];
  let json: ReturnType<ReturnType<typeof run>['report']['toJSON']>;
  beforeAll(() => {
    const result = run(HUNAN);
    catalog = result.catalog;
    json = result.report.toJSON();
  });

  it('loads every file', () => {
    expect(json.counts).toMatchObject({ files: 104, bundleFiles: 64, matterFiles: 40, failedFiles: 0 });
    expect(json.issuesByKind.unknown_field ?? 0).toBe(0);
    expect(json.issuesByKind.malformed ?? 0).toBe(0);
  });

  it('overlays the authored bundles in the regions the portal has versions for', () => {
    const regionsOf = (id: string) =>
      catalog.overlays
        .filter((o) => o.bundle === id && o.region.startsWith('43'))
        .map((o) => o.region)
        .sort();
    expect(regionsOf('newborn')).toEqual(['430100', '430102', '430529']);
    expect(regionsOf('retirement')).toEqual(['430382', '430529', '430611', '431026']);
    expect(regionsOf('open-restaurant')).toEqual(['430600', '430623', '430723', '433126']);
    expect(regionsOf('company-deregistration')).toEqual(['430102', '430212', '430900', '431026']);
  });

  it('gives different plans where the versions differ', () => {
    const a = plan(catalog, { bundleId: 'retirement', region: '431026' });
    const b = plan(catalog, { bundleId: 'retirement', region: '430382' });
    expect(a.region.name).toBe('汝城县');
    expect(b.region.name).toBe('韶山市');
    expect(a.contact?.phone).not.toBe(b.contact?.phone);
    expect(b.channels.some((c) => c.name.includes('韶山市市民之家'))).toBe(true);
    const posthumous = plan(catalog, { bundleId: 'posthumous', region: '433130' });
    expect(posthumous.regionFees?.map((f) => f.amount).join()).toContain('20');
    const fallback = plan(catalog, { bundleId: 'retirement', region: '440100' });
    expect(fallback.region.fallback).toBe(true);
  });

  it('covers all 52 bundle codes: as overlays of authored bundles or as Hunan regional bundles', () => {
    const regional = [...catalog.bundles.values()].filter((b) => b.scope === '430000');
    const overlaid = new Set(catalog.overlays.filter((o) => o.region.startsWith('43')).map((o) => o.bundle));
    expect(regional.length + overlaid.size).toBe(52);
    for (const b of regional) {
      expect(b.id).toMatch(/^hn-43/);
      expect(b.matters.length).toBeGreaterThanOrEqual(2);
      expect(b.sources[0]?.url).toContain('zwfw-new.hunan.gov.cn');
    }
    const someRegional = regional.find((b) => b.portalCodes.includes('43TCP0021'));
    expect(someRegional?.name).toContain('企业购置不动产转移登记');
    expect(someRegional?.matters).toHaveLength(9);
  });
});
