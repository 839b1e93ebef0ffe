import type { Catalog } from '../load/catalog.ts';

/** Every name and phrase the catalog uses, for the segmenter's dictionary. */
export function catalogTerms(catalog: Catalog): string[] {
  const terms: string[] = [];
  for (const b of catalog.bundles.values()) terms.push(b.name, ...b.aliases);
  for (const m of catalog.matters.values()) terms.push(m.name, ...m.aliases, ...(m.result ? [m.result] : []));
  for (const m of catalog.materials.values()) terms.push(m.name, ...m.aliases);
  for (const f of catalog.facts.values()) for (const o of f.options) terms.push(...o.cues);
  return terms;
}
