import type { Catalog } from '../load/catalog.ts';
import type { BundleMatter } from '../model/bundle.schema.ts';
import type { Channel, Fees } from '../model/common.schema.ts';
import type { Matter } from '../model/matter.schema.ts';
import type { RegionOverlay } from '../model/region-overlay.schema.ts';
import { regionChain } from '../regions/divisions.ts';
import type { RegionUse } from './plan.types.ts';

export interface ResolvedBundle {
  matters: { member: BundleMatter; matter: Matter }[];
  promisedDays?: number;
  channels: Channel[];
  contact?: { phone?: string; note?: string };
  fees?: Fees;
  region: RegionUse;
  overlay?: RegionOverlay;
}

/**
 * Applies the most specific region overlay of a bundle (county, then city, then province) over the
 * national baseline; without one, the baseline is used and the answer says so.
 */
export function resolveBundle(catalog: Catalog, bundleId: string, region?: string): ResolvedBundle {
  const bundle = catalog.bundles.get(bundleId);
  if (!bundle) throw new Error(`unknown bundle ${bundleId}`);
  const overlay = region
    ? regionChain(region)
        .map((code) => catalog.overlays.find((o) => o.bundle === bundleId && o.region === code))
        .find((o) => o !== undefined)
    : undefined;

  const removed = new Set(overlay?.removeMatters ?? []);
  const afterOf = new Map(bundle.matters.map((m) => [m.id, m.after]));
  // A removed matter passes its own dependencies on to its dependants, so the order stays transitive.
  const keep = (ids: readonly string[], seen = new Set<string>()): string[] =>
    ids.flatMap((a) => {
      if (seen.has(a)) return [];
      seen.add(a);
      return removed.has(a) ? keep(afterOf.get(a) ?? [], seen) : [a];
    });
  const members = bundle.matters
    .filter((m) => !removed.has(m.id))
    .map((m) => ({ ...m, after: [...new Set(keep(m.after))] }))
    .concat(overlay?.addMatters ?? []);

  const matters = members.map((member) => {
    const base = catalog.matters.get(member.id);
    if (!base) throw new Error(`bundle ${bundleId} references unknown matter ${member.id}`);
    const o = overlay?.matterOverrides.find((x) => x.matter === member.id);
    if (!o) return { member, matter: base };
    const drop = new Set(o.removeMaterials);
    const matter: Matter = {
      ...base,
      timeLimit: o.timeLimit ?? base.timeLimit,
      channels: o.channels ?? base.channels,
      materials: base.materials.filter((m) => !drop.has(m.ref)).concat(o.addMaterials),
    };
    return { member, matter };
  });

  const regionUse: RegionUse = overlay
    ? {
        ...(region ? { requested: region } : {}),
        used: overlay.region,
        name: overlay.regionName,
        fallback: false,
        ...(overlay.note ? { note: overlay.note } : {}),
      }
    : {
        ...(region ? { requested: region } : {}),
        name: '全国通用版本',
        fallback: region !== undefined,
        ...(region
          ? { note: '该地区暂无本事项的地方版本，以下按全国通用版本说明，具体以当地窗口要求为准。' }
          : {}),
      };

  const promisedDays = overlay?.promisedDays ?? bundle.promisedDays;
  return {
    matters,
    ...(promisedDays !== undefined ? { promisedDays } : {}),
    channels: overlay?.channels ?? bundle.channels,
    ...((overlay?.contact ?? bundle.contact) ? { contact: overlay?.contact ?? bundle.contact } : {}),
    ...(overlay?.fees ? { fees: overlay.fees } : {}),
    region: regionUse,
    ...(overlay ? { overlay } : {}),
  };
}
