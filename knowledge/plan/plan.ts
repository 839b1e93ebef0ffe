import type { Catalog } from '../load/catalog.ts';
import { YishiError } from '../yishi-error.ts';
import { buildChecklist } from './checklist.ts';
import type { Facts } from './condition.ts';
import type { Citation, Plan } from './plan.types.ts';
import { openQuestions } from './questions.ts';
import { resolveBundle } from './resolve-region.ts';
import { buildSteps } from './steps.ts';

export interface PlanInput {
  bundleId: string;
  facts?: Facts;
  /** GB/T 2260 code of the person's area; the most specific region version is used. */
  region?: string;
  /** Shared sources the office can read; defaults to every source the catalog declares. */
  sharedAvailable?: ReadonlySet<string>;
}

/**
 * "What do I prepare, what comes first": a pure, deterministic function from the catalog and the
 * person's situation to the merged checklist, the staged steps and the questions still open.
 *
 * @example plan(catalog, { bundleId: 'newborn', facts: { 'by-proxy': false } })
 */
export function plan(catalog: Catalog, input: PlanInput): Plan {
  const bundle = catalog.bundles.get(input.bundleId);
  if (!bundle) throw new YishiError('not_found', 'bundle', `没有找到编号为 ${input.bundleId} 的一件事`);
  const facts = input.facts ?? {};
  const sharedAvailable = input.sharedAvailable ?? new Set(catalog.sharedSources.keys());
  const resolved = resolveBundle(catalog, bundle.id, input.region);

  const { steps, criticalPathDays } = buildSteps(catalog, resolved, facts, bundle.facts);
  const order = steps.map((s) => s.matter.id);
  const checklist = buildChecklist(catalog, resolved, order, facts, bundle.facts, sharedAvailable);
  const questions = openQuestions(catalog, checklist, steps, bundle.facts);

  return {
    bundle: { id: bundle.id, name: bundle.name },
    region: resolved.region,
    checklist,
    steps,
    stageCount: steps.reduce((max, s) => Math.max(max, s.stage), 0),
    timing: {
      ...(resolved.promisedDays !== undefined ? { promisedDays: resolved.promisedDays } : {}),
      criticalPathDays,
      unit: 'workday',
    },
    questions,
    channels: resolved.channels,
    ...(resolved.contact ? { contact: resolved.contact } : {}),
    ...(resolved.fees?.items.length ? { regionFees: resolved.fees.items } : {}),
    ...(bundle.reform?.after.trips !== undefined ? { trips: bundle.reform.after.trips } : {}),
    catalogVersion: catalog.hash.slice(0, 12),
    citations: citations(catalog, bundle.id, order, resolved.overlay?.source),
  };
}

function citations(
  catalog: Catalog,
  bundleId: string,
  matterIds: readonly string[],
  overlaySource?: { title: string; url: string },
): Citation[] {
  const bundle = catalog.bundles.get(bundleId);
  const out: Citation[] = [];
  if (overlaySource) {
    out.push({
      id: `region:${bundleId}`,
      title: overlaySource.title,
      section: '地方办事指南',
      source: overlaySource.url,
    });
  }
  bundle?.sources.forEach((s, i) => {
    out.push({ id: `bundle:${bundleId}:${i}`, title: s.title, section: '一件事办事指南', source: s.url });
  });
  for (const id of matterIds) {
    const m = catalog.matters.get(id);
    if (m)
      out.push({
        id: `matter:${id}`,
        title: m.source.title,
        section: `${m.name} 办事指南`,
        source: m.source.url,
      });
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = `${c.source}|${c.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
