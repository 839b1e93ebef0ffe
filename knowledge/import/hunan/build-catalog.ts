import type { Catalog } from '../../load/catalog.ts';
import type { Bundle } from '../../model/bundle.schema.ts';
import type { MaterialDef } from '../../model/material.schema.ts';
import type { Matter } from '../../model/matter.schema.ts';
import type { RegionOverlay } from '../../model/region-overlay.schema.ts';
import { overlay } from './build-overlay.ts';
import { regionalBundle } from './build-regional-bundle.ts';
import type { ImportReport } from './import-report.ts';
import type { MaterialIdentity } from './material-identity.ts';
import type { BundleVersion } from './read-bundle-version.ts';
import { canonicalName } from './util.ts';

export interface ImportedCatalog {
  bundles: Bundle[];
  matters: Matter[];
  materials: MaterialDef[];
  overlays: RegionOverlay[];
}

/**
 * Turns the portal's local versions into catalog data. A bundle the authored catalog already has (by
 * `portalCodes`) gets one region overlay per version. Any other bundle becomes a regional bundle scoped to
 * 湖南省, built from its main version (the file named by the bare code), with overlays for the other versions.
 */
export function buildCatalog(
  versions: BundleVersion[],
  guides: Matter[],
  authored: Catalog,
  identity: MaterialIdentity,
  report: ImportReport,
  retrieved: string,
): ImportedCatalog {
  const out: ImportedCatalog = { bundles: [], matters: [...guides], materials: [], overlays: [] };
  const byCode = new Map<string, BundleVersion[]>();
  for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  const guideByName = new Map(guides.map((g) => [canonicalName(g.name), g]));

  for (const [code, all] of byCode) {
    const list = onePerRegion(all, report);
    const authoredBundle = [...authored.bundles.values()].find((b) => b.portalCodes.includes(code));
    if (authoredBundle) {
      const members = authoredBundle.matters.flatMap((m) => {
        const matter = authored.matters.get(m.id);
        return matter ? [matter] : [];
      });
      for (const v of list) out.overlays.push(overlay(v, authoredBundle.id, members, report, retrieved));
      continue;
    }
    const main = list.find((v) => v.file.endsWith(`${code}.json`)) ?? list[0];
    if (!main) continue;
    const { bundle, matters } = regionalBundle(main, identity, guideByName, retrieved);
    out.bundles.push(bundle);
    out.matters.push(...matters);
    for (const v of list)
      if (v !== main) out.overlays.push(overlay(v, bundle.id, matters, report, retrieved));
  }
  out.materials = [...identity.created.values()];
  report.counts.bundles = out.bundles.length;
  report.counts.overlays = out.overlays.length;
  report.counts.matters = out.matters.length;
  report.counts.materials = out.materials.length;
  return out;
}

/**
 * Keeps one version per region code: a version whose area has its own GB/T 2260 code wins over one that
 * was only placed there (a national new area or town filed under its city or county).
 */
function onePerRegion(versions: BundleVersion[], report: ImportReport): BundleVersion[] {
  const kept = new Map<string, BundleVersion>();
  const ranked = [...versions].sort(
    (a, b) => Number(a.area.note !== undefined) - Number(b.area.note !== undefined),
  );
  for (const v of ranked) {
    const first = kept.get(v.area.code);
    if (first) {
      report.issue(
        v.file,
        'data.basicInfo.areaName',
        'unmapped',
        `${v.area.name} shares region ${v.area.code} with the ${first.area.name} version, which is kept`,
      );
      continue;
    }
    kept.set(v.area.code, v);
  }
  return versions.filter((v) => kept.get(v.area.code) === v);
}
