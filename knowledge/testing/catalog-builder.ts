import type { Catalog } from '../load/catalog.ts';
import type { Bundle, BundleMatter } from '../model/bundle.schema.ts';
import type { Fact } from '../model/fact.schema.ts';
import type { MaterialDef, MaterialUse } from '../model/material.schema.ts';
import type { Matter } from '../model/matter.schema.ts';
import type { RegionOverlay } from '../model/region-overlay.schema.ts';
import type { SharedSource } from '../model/shared-source.schema.ts';

const SOURCE = { title: '测试来源', url: 'https://example.gov.cn/guide', retrieved: '2026-11-23' };

/** A minimal valid matter for tests; override what the test is about. */
export function testMatter(id: string, materials: MaterialUse[], promisedDays = 1): Matter {
  return {
    id,
    name: `事项${id}`,
    aliases: [],
    department: '测试部门',
    type: '公共服务',
    legalBasis: ['测试依据'],
    conditions: ['测试条件'],
    materials,
    steps: [{ name: '申请' }],
    timeLimit: { promisedDays, unit: 'workday' },
    fees: { free: true, items: [] },
    channels: [{ kind: 'office', name: '测试窗口' }],
    faqs: [],
    source: SOURCE,
  };
}

export function testUse(ref: string, extra: Partial<MaterialUse> = {}): MaterialUse {
  return { ref, forms: ['original'], deferrable: false, ...extra };
}

export function testBoolFact(id: string): Fact {
  return {
    id,
    question: `是否${id}？`,
    kind: 'boolean',
    options: [
      { value: true, label: '是', cues: [] },
      { value: false, label: '否', cues: [] },
    ],
  };
}

/** Builds an in-memory catalog from parts, the way the loader would after validation. */
export function buildCatalog(parts: {
  matters: Matter[];
  bundles: { id: string; matters: BundleMatter[]; facts: string[]; promisedDays?: number }[];
  materials: MaterialDef[];
  facts: Fact[];
  sharedSources?: SharedSource[];
  overlays?: RegionOverlay[];
}): Catalog {
  const bundles: Bundle[] = parts.bundles.map((b) => ({
    id: b.id,
    name: `${b.id}一件事`,
    audience: 'person',
    portalCodes: [],
    summary: '测试用的一件事，用于单元测试。',
    leadDepartment: '测试部门',
    aliases: ['甲', '乙', '丙'],
    matters: b.matters,
    facts: b.facts,
    form: {
      fields: [
        {
          key: 'applicant.name',
          label: '姓名',
          type: 'text',
          required: true,
          matters: [b.matters[0]?.id ?? 'x'],
        },
      ],
    },
    ...(b.promisedDays !== undefined ? { promisedDays: b.promisedDays } : {}),
    channels: [{ kind: 'online', name: '测试平台' }],
    faqs: [],
    sources: [SOURCE],
  }));
  return {
    bundles: new Map(bundles.map((b) => [b.id, b])),
    matters: new Map(parts.matters.map((m) => [m.id, m])),
    materials: new Map(parts.materials.map((m) => [m.id, m])),
    facts: new Map(parts.facts.map((f) => [f.id, f])),
    sharedSources: new Map((parts.sharedSources ?? []).map((s) => [s.id, s])),
    overlays: parts.overlays ?? [],
    hash: 'test',
  };
}
