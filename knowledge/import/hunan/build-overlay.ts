import type { Matter } from '../../model/matter.schema.ts';
import type { RegionOverlay } from '../../model/region-overlay.schema.ts';
import type { ImportReport } from './import-report.ts';
import type { BundleVersion } from './read-bundle-version.ts';
import { canonicalName, similarity } from './util.ts';
import { channelsOf, contactOf, sourceOf } from './version-parts.ts';

/** The best catalog matter for a portal member name: exact canonical name or alias, else bigram similarity ≥ 0.6. */
function matchMatter(name: string, members: readonly Matter[]): Matter | undefined {
  const target = canonicalName(name);
  const names = (m: Matter) => [m.name, ...m.aliases].map(canonicalName);
  const exact = members.find((m) =>
    names(m).some((n) => n === target || n.includes(target) || target.includes(n)),
  );
  if (exact) return exact;
  const scored = members
    .map((m) => ({ m, s: Math.max(...names(m).map((n) => similarity(n, target))) }))
    .sort((a, b) => b.s - a.s);
  return scored[0] && scored[0].s >= 0.6 ? scored[0].m : undefined;
}

/** One local version as an overlay over a bundle: offices, phones, fees, promise and per-matter limits. */
export function overlay(
  v: BundleVersion,
  bundleId: string,
  members: readonly Matter[],
  report: ImportReport,
  retrieved: string,
): RegionOverlay {
  const overrides: RegionOverlay['matterOverrides'] = [];
  v.approve.forEach((a, i) => {
    const m = matchMatter(a.standardName ?? a.name, members) ?? matchMatter(a.name, members);
    if (!m) {
      report.issue(
        v.file,
        `data.approveList[${i}]`,
        'unmatched',
        `member matter "${a.name}" has no counterpart in bundle ${bundleId}; the baseline matters apply`,
      );
      return;
    }
    if (
      a.days !== undefined &&
      Math.round(a.days) !== m.timeLimit.promisedDays &&
      !overrides.some((o) => o.matter === m.id)
    ) {
      overrides.push({
        matter: m.id,
        timeLimit: { ...m.timeLimit, promisedDays: Math.round(a.days), note: `${v.area.name}版本承诺时限` },
        addMaterials: [],
        removeMaterials: [],
      });
    }
  });
  if (v.materials.length > 0) {
    report.issue(
      v.file,
      'data.materialList',
      'unmapped',
      `${v.materials.length} bundle-level materials are not attached to the matters of ${bundleId} (the portal lists them for the whole bundle); the baseline materials apply`,
    );
  }
  const contact = contactOf(v);
  const note = [
    v.area.note,
    v.cooperating ? `联办部门：${v.cooperating}` : '',
    v.visitsNote ? `跑动：${v.visitsNote}` : '',
  ]
    .filter(Boolean)
    .join('；');
  return {
    region: v.area.code,
    regionName: v.area.name,
    bundle: bundleId,
    addMatters: [],
    removeMatters: [],
    matterOverrides: overrides,
    ...(v.promisedDays !== undefined ? { promisedDays: v.promisedDays } : {}),
    channels: channelsOf(v),
    ...(contact ? { contact } : {}),
    ...(v.fees.length > 0 ? { fees: { free: false, items: v.fees } } : {}),
    ...(note ? { note: `湖南省${v.area.name}版本。${note}` } : { note: `湖南省${v.area.name}版本。` }),
    source: sourceOf(v, retrieved),
  };
}
