import type { Catalog } from '../load/catalog.ts';

/**
 * Every name the catalog uses, for the segmenter's dictionary. Situation-fact cues are left out: they are
 * phrases matched as substrings (社保卡密码忘了), and as dictionary words they would swallow the words inside
 * them (密码) that search and the composer need.
 */
export function catalogTerms(catalog: Catalog): string[] {
  const terms: string[] = [];
  for (const b of catalog.bundles.values()) terms.push(b.name, ...b.aliases);
  for (const m of catalog.matters.values()) terms.push(m.name, ...m.aliases, ...(m.result ? [m.result] : []));
  for (const m of catalog.materials.values()) terms.push(m.name, ...m.aliases);
  return terms;
}
