import type { Catalog } from '../load/catalog.ts';
import type { Bundle } from '../model/bundle.schema.ts';
import type { Matter } from '../model/matter.schema.ts';
import { describeChannels } from '../plan/steps.ts';

export type ChunkSection = 'overview' | 'conditions' | 'materials' | 'steps' | 'limits' | 'channels' | 'faq';

/** A retrievable piece of a guide: one meaningful section of a bundle or matter. */
export interface Chunk {
  id: string;
  title: string;
  section: ChunkSection;
  text: string;
  /** For an FAQ, its question alone: indexed as its own field, since a person's question is matched best by it. */
  question?: string;
  bundleId?: string;
  matterId?: string;
  /** GB/T 2260 code when the chunk belongs to a region version; absent for the national baseline. */
  region?: string;
  source: string;
}

export const SECTION_LABEL: Record<ChunkSection, string> = {
  overview: '概述',
  conditions: '办理条件',
  materials: '申请材料',
  steps: '办理流程',
  limits: '办理时限与收费',
  channels: '办理渠道',
  faq: '常见问题',
};

/** Splits the catalog by guide structure: overview, conditions, materials, steps, limits and fees, channels, FAQ. */
export function buildChunks(catalog: Catalog): Chunk[] {
  const chunks: Chunk[] = [];
  for (const b of catalog.bundles.values()) chunks.push(...withRegion(bundleChunks(catalog, b), b.scope));
  const scopes = matterScopes(catalog);
  for (const m of catalog.matters.values())
    chunks.push(...withRegion(matterChunks(catalog, m), scopes.get(m.id)));
  return chunks;
}

function withRegion(chunks: Chunk[], region: string | undefined): Chunk[] {
  return region ? chunks.map((c) => ({ ...c, region })) : chunks;
}

/** A matter used only by regional bundles of one region belongs to that region. */
function matterScopes(catalog: Catalog): Map<string, string> {
  const scopes = new Map<string, Set<string | undefined>>();
  for (const b of catalog.bundles.values()) {
    for (const m of b.matters) scopes.set(m.id, (scopes.get(m.id) ?? new Set()).add(b.scope));
  }
  const out = new Map<string, string>();
  for (const [id, set] of scopes) {
    const [only] = set;
    if (set.size === 1 && only) out.set(id, only);
  }
  return out;
}

function bundleChunks(catalog: Catalog, b: Bundle): Chunk[] {
  const source = b.sources[0]?.url ?? '';
  const base = { bundleId: b.id, source };
  const names = b.matters.map((bm) => catalog.matters.get(bm.id)?.name ?? bm.id);
  const out: Chunk[] = [
    {
      ...base,
      id: `bundle:${b.id}:overview`,
      title: b.name,
      section: 'overview',
      text: `${b.summary}\n包含事项：${names.join('、')}。\n牵头部门：${b.leadDepartment}。\n也叫：${b.aliases.join('、')}`,
    },
    {
      ...base,
      id: `bundle:${b.id}:channels`,
      title: b.name,
      section: 'channels',
      text: describeChannels(b.channels) ?? '',
    },
  ];
  const notes = b.matters.flatMap((bm) =>
    bm.note ? [`${catalog.matters.get(bm.id)?.name ?? bm.id}：${bm.note}`] : [],
  );
  if (notes.length > 0) {
    out.push({
      ...base,
      id: `bundle:${b.id}:steps`,
      title: b.name,
      section: 'steps',
      text: notes.join('\n'),
    });
  }
  if (b.promisedDays !== undefined || b.reform) {
    const before = b.reform?.before;
    const after = b.reform?.after;
    const reform =
      before && after
        ? `改革前${before.days ?? '—'}天、跑${before.trips ?? '—'}次、交${before.materials ?? '—'}份材料；改革后${after.days ?? '—'}天、跑${after.trips ?? '—'}次、交${after.materials ?? '—'}份材料。`
        : '';
    out.push({
      ...base,
      id: `bundle:${b.id}:limits`,
      title: b.name,
      section: 'limits',
      text: `${b.promisedDays !== undefined ? `整体承诺办结时限${b.promisedDays}个工作日。` : ''}${reform}`,
    });
  }
  b.faqs.forEach((f, i) => {
    out.push({
      ...base,
      id: `bundle:${b.id}:faq:${i}`,
      title: b.name,
      section: 'faq',
      text: `问：${f.q}\n答：${f.a}`,
      question: f.q,
    });
  });
  return out;
}

function matterChunks(catalog: Catalog, m: Matter): Chunk[] {
  const base = { matterId: m.id, title: m.name, source: m.source.url };
  const materials = m.materials.map((u) => {
    const def = catalog.materials.get(u.ref);
    return `${def?.name ?? u.ref}${u.note ? `（${u.note}）` : ''}`;
  });
  const fees = m.fees.free ? '不收费' : m.fees.items.map((f) => `${f.name}：${f.amount}`).join('；');
  const limit = `承诺时限${m.timeLimit.promisedDays}个工作日${m.timeLimit.legalDays !== undefined ? `，法定时限${m.timeLimit.legalDays}个工作日` : ''}`;
  const out: Chunk[] = [
    {
      ...base,
      id: `matter:${m.id}:overview`,
      section: 'overview',
      text: `${m.name}，由${m.department}办理（${m.type}）。${m.result ? `办结后获得：${m.result}。` : ''}设定依据：${m.legalBasis.join('；')}`,
    },
    { ...base, id: `matter:${m.id}:conditions`, section: 'conditions', text: m.conditions.join('\n') },
    {
      ...base,
      id: `matter:${m.id}:materials`,
      section: 'materials',
      text: materials.join('\n') || '无需提交材料',
    },
    {
      ...base,
      id: `matter:${m.id}:steps`,
      section: 'steps',
      text: m.steps.map((s, i) => `${i + 1}. ${s.name}${s.detail ? `：${s.detail}` : ''}`).join('\n'),
    },
    { ...base, id: `matter:${m.id}:limits`, section: 'limits', text: `${limit}。${fees}。` },
    { ...base, id: `matter:${m.id}:channels`, section: 'channels', text: describeChannels(m.channels) ?? '' },
  ];
  m.faqs.forEach((f, i) => {
    out.push({
      ...base,
      id: `matter:${m.id}:faq:${i}`,
      section: 'faq',
      text: `问：${f.q}\n答：${f.a}`,
      question: f.q,
    });
  });
  return out;
}
