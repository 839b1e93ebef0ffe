import type { Catalog } from '../load/catalog.ts';
import type { Bundle } from '../model/bundle.schema.ts';

/** The note an imported matter carries when the portal gives no time limit. */
export const UNPUBLISHED = '时限未公布';

export interface BundleCoverage {
  id: string;
  name: string;
  imported: boolean;
  list?: string;
  matters: number;
  materials: number;
  /** Member matters with each guide element present. */
  stepsComplete: number;
  limitsComplete: number;
  feesComplete: number;
  channelsComplete: number;
  typeAndBasisComplete: number;
  formFields: number;
  facts: number;
  aliases: number;
  regions: number;
  /** Share of the checks below that hold, 0..1. */
  completeness: number;
  source: string;
}

/**
 * How complete a bundle is, element by element: every member matter with steps, limits (promised and
 * legal), fees, channels, type and legal basis; the bundle with form, aliases and a cited source.
 */
export function bundleCoverage(catalog: Catalog, bundle: Bundle): BundleCoverage {
  const matters = bundle.matters.flatMap((m) => {
    const x = catalog.matters.get(m.id);
    return x ? [x] : [];
  });
  const count = (p: (m: (typeof matters)[number]) => boolean) => matters.filter(p).length;
  const materials = new Set(matters.flatMap((m) => m.materials.map((u) => u.ref))).size;
  const stepsComplete = count((m) => m.steps.length >= 2);
  // 0 promised days is a real limit (即办); the importer marks limits the portal does not publish.
  const limitsComplete = count((m) => !m.timeLimit.note?.includes(UNPUBLISHED));
  const feesComplete = count((m) => m.fees.free || m.fees.items.length > 0);
  const channelsComplete = count((m) => m.channels.length >= 1);
  const typeAndBasisComplete = count(
    (m) => m.type !== undefined && m.legalBasis.length > 0 && m.conditions.length > 0,
  );
  const checks = [
    stepsComplete / Math.max(1, matters.length),
    limitsComplete / Math.max(1, matters.length),
    feesComplete / Math.max(1, matters.length),
    channelsComplete / Math.max(1, matters.length),
    typeAndBasisComplete / Math.max(1, matters.length),
    materials > 0 ? 1 : 0,
    bundle.form.fields.length >= 8 ? 1 : bundle.form.fields.length / 8,
    bundle.aliases.length >= 15 ? 1 : bundle.aliases.length / 15,
    bundle.faqs.length >= 4 ? 1 : bundle.faqs.length / 4,
    bundle.sources.length > 0 ? 1 : 0,
  ];
  const source = bundle.sources[0];
  return {
    id: bundle.id,
    name: bundle.name,
    imported: bundle.scope !== undefined,
    ...(bundle.list ? { list: `${bundle.list.year}${bundle.list.batch}` } : {}),
    matters: matters.length,
    materials,
    stepsComplete,
    limitsComplete,
    feesComplete,
    channelsComplete,
    typeAndBasisComplete,
    formFields: bundle.form.fields.length,
    facts: bundle.facts.length,
    aliases: bundle.aliases.length,
    regions: catalog.overlays.filter((o) => o.bundle === bundle.id).length,
    completeness: checks.reduce((a, b) => a + b, 0) / checks.length,
    source: source ? new URL(source.url).host : '',
  };
}
