import type { Catalog } from '../../load/catalog.ts';
import type { Bundle, BundleMatter } from '../../model/bundle.schema.ts';
import type { Channel, SourceRef } from '../../model/common.schema.ts';
import type { MaterialDef, MaterialUse } from '../../model/material.schema.ts';
import type { Matter } from '../../model/matter.schema.ts';
import type { RegionOverlay } from '../../model/region-overlay.schema.ts';
import { UNPUBLISHED } from '../../report/coverage.ts';
import type { ImportReport } from './import-report.ts';
import type { MaterialIdentity } from './material-identity.ts';
import type { BundleVersion } from './read-bundle-version.ts';
import { canonicalName, HUNAN_PORTAL, similarity } from './util.ts';

export interface ImportedCatalog {
  bundles: Bundle[];
  matters: Matter[];
  materials: MaterialDef[];
  overlays: RegionOverlay[];
}

const PROVINCE = '430000';

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

function sourceOf(v: BundleVersion, retrieved: string): SourceRef {
  const query = `onethingCode=${v.code}${v.checklistId ? `&onethingChecklistId=${v.checklistId}` : ''}`;
  return {
    title: `湖南政务服务网 ${v.name}（${v.area.name}版本）`,
    url: `${HUNAN_PORTAL}hnywtb/onething/html/eventGuideline.html?${query}`,
    publisher: '湖南省人民政府',
    retrieved,
  };
}

function channelsOf(v: BundleVersion): Channel[] {
  const online: Channel = {
    kind: 'online',
    name: '湖南政务服务网 / 湘易办APP',
    url: v.onlineUrl ?? HUNAN_PORTAL,
  };
  const offices = v.points.slice(0, 5).map(
    (p): Channel => ({
      kind: 'office',
      name: p.name,
      ...(p.address ? { address: p.address } : {}),
      ...(p.hours ? { hours: p.hours } : {}),
    }),
  );
  return [online, ...offices];
}

function contactOf(v: BundleVersion) {
  if (!v.phone && !v.complaintPhone) return undefined;
  return {
    ...(v.phone ? { phone: v.phone } : {}),
    ...(v.complaintPhone ? { note: `监督投诉电话：${v.complaintPhone}` } : {}),
  };
}

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

function overlay(
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

function regionalBundle(
  v: BundleVersion,
  identity: MaterialIdentity,
  guideByName: Map<string, Matter>,
  retrieved: string,
): { bundle: Bundle; matters: Matter[] } {
  const id = `hn-${v.code.toLowerCase()}`;
  const source = sourceOf(v, retrieved);
  const channels = channelsOf(v);
  const clean = canonicalName(v.name);
  const applyId = `${id}-apply`;
  const uses: MaterialUse[] = [];
  for (const m of v.materials) {
    const ref = identity.resolve(m.name);
    if (uses.some((u) => u.ref === ref)) continue;
    const spared = m.spared ?? '';
    const notes = [
      m.necessity === '2' ? '非必要，视情况提供' : '',
      /自动生成/.test(spared) ? '在线申请时由系统自动生成' : '',
      m.note ?? '',
    ].filter(Boolean);
    uses.push({
      ref,
      forms: /复印件/.test(m.name) ? ['copy'] : ['original'],
      ...(m.copies ? { copies: m.copies } : {}),
      deferrable: m.necessity === '3',
      ...(!(m.issuedByGov || /免提交|核验|共享|证照/.test(spared)) ? { shared: null } : {}),
      ...(notes.length ? { note: notes.join('；').slice(0, 200) } : {}),
    });
  }
  const apply: Matter = {
    id: applyId,
    name: `${clean}“一件事”联办申请`,
    aliases: [],
    department: v.leadDepartment,
    legalBasis: [],
    conditions: v.conditions,
    materials: uses,
    steps:
      v.flow.length > 0
        ? v.flow.map((name) => ({ name: name.slice(0, 80) }))
        : [{ name: '在线或到综合窗口提交联办申请，由牵头部门统一受理后分送各部门' }],
    timeLimit: { promisedDays: 0, unit: 'workday', note: '提交即受理；整件事的承诺时限见一件事承诺时限' },
    fees: { free: v.free, items: v.fees },
    channels,
    ...(contactOf(v) ? { contact: contactOf(v) } : {}),
    faqs: [],
    source,
  };
  const members = v.approve.map((a, i): Matter => {
    const guide =
      guideByName.get(canonicalName(a.standardName ?? a.name)) ?? guideByName.get(canonicalName(a.name));
    return {
      id: `${id}-m${i + 1}`,
      ...(guide?.code ? { code: guide.code } : {}),
      name: a.name,
      aliases: a.standardName ? [a.standardName] : [],
      department: `${v.leadDepartment}（牵头统一受理）`,
      ...(guide?.type ? { type: guide.type } : {}),
      legalBasis: guide?.legalBasis ?? [],
      conditions: guide?.conditions ?? [],
      materials: [],
      steps: guide?.steps ?? [{ name: '由牵头部门统一受理后分送承办部门办理' }],
      timeLimit: {
        promisedDays: Math.round(a.days ?? 0),
        ...(guide?.timeLimit.legalDays !== undefined ? { legalDays: guide.timeLimit.legalDays } : {}),
        unit: 'workday',
        ...(a.days === undefined ? { note: UNPUBLISHED } : {}),
      },
      fees: guide?.fees ?? { free: v.free, items: [] },
      channels,
      faqs: guide?.faqs ?? [],
      ...(a.result ? { result: a.result } : {}),
      source: guide?.source ?? source,
    };
  });
  const person = v.code.startsWith('43P');
  const applicant: BundleMatter['id'][] = [applyId];
  const bundle: Bundle = {
    id,
    name: v.name,
    audience: person ? 'person' : 'business',
    scope: PROVINCE,
    portalCodes: [v.code],
    summary: `湖南省“${clean}”一件事（据${v.area.name}版本）：由${v.leadDepartment}牵头，一次申请联办${members.length}个事项：${members.map((m) => m.name).join('、')}。`,
    leadDepartment: v.leadDepartment,
    aliases: [...new Set([clean, `${clean}一件事`, `办${clean}`, `${clean}怎么办`])],
    matters: [{ id: applyId, after: [] }, ...members.map((m) => ({ id: m.id, after: [applyId] }))],
    facts: [],
    form: {
      fields: person
        ? [
            {
              key: 'applicant.name',
              label: '申请人姓名',
              type: 'text',
              required: true,
              matters: applicant,
              shared: { source: 'population-register', attribute: 'name' },
            },
            {
              key: 'applicant.idNumber',
              label: '公民身份号码',
              type: 'idNumber',
              required: true,
              matters: applicant,
              shared: { source: 'population-register', attribute: 'idNumber' },
            },
            { key: 'applicant.phone', label: '联系电话', type: 'phone', required: true, matters: applicant },
          ]
        : [
            {
              key: 'company.name',
              label: '单位名称',
              type: 'text',
              required: true,
              matters: applicant,
              shared: { source: 'legal-person-register', attribute: 'name' },
            },
            {
              key: 'company.uscc',
              label: '统一社会信用代码',
              type: 'uscc',
              required: true,
              matters: applicant,
              shared: { source: 'legal-person-register', attribute: 'uscc' },
            },
            { key: 'contact.name', label: '经办人姓名', type: 'text', required: true, matters: applicant },
            { key: 'contact.phone', label: '联系电话', type: 'phone', required: true, matters: applicant },
          ],
    },
    ...(v.promisedDays !== undefined ? { promisedDays: v.promisedDays } : {}),
    ...(v.reform ? { reform: v.reform } : {}),
    channels,
    ...(contactOf(v) ? { contact: contactOf(v) } : {}),
    faqs: v.faqs,
    sources: [source],
  };
  return { bundle, matters: [apply, ...members] };
}
