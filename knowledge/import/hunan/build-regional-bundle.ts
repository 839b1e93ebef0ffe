import type { Bundle } from '../../model/bundle.schema.ts';
import type { SourceRef } from '../../model/common.schema.ts';
import type { FormField } from '../../model/form-field.schema.ts';
import type { MaterialUse } from '../../model/material.schema.ts';
import type { Matter } from '../../model/matter.schema.ts';
import { UNPUBLISHED } from '../../report/coverage.ts';
import type { MaterialIdentity } from './material-identity.ts';
import type { BundleVersion } from './read-bundle-version.ts';
import { canonicalName } from './util.ts';
import { channelsOf, contactOf, sourceOf } from './version-parts.ts';

const PROVINCE = '430000';

/**
 * A bundle the authored catalog lacks, from its main local version: a joint application matter carrying the
 * version's materials and conditions, then each member matter, linked to its matter guide when one is imported.
 */
export function regionalBundle(
  v: BundleVersion,
  identity: MaterialIdentity,
  guideByName: Map<string, Matter>,
  retrieved: string,
): { bundle: Bundle; matters: Matter[] } {
  const id = `hn-${v.code.toLowerCase()}`;
  const source = sourceOf(v, retrieved);
  const clean = canonicalName(v.name);
  const apply = applicationMatter(v, `${id}-apply`, identity, source);
  const members = v.approve.map((a, i) => memberMatter(v, a, `${id}-m${i + 1}`, guideByName, source));
  const contact = contactOf(v);
  const bundle: Bundle = {
    id,
    name: v.name,
    audience: v.code.startsWith('43P') ? 'person' : 'business',
    scope: PROVINCE,
    portalCodes: [v.code],
    summary: `湖南省“${clean}”一件事（据${v.area.name}版本）：由${v.leadDepartment}牵头，一次申请联办${members.length}个事项：${members.map((m) => m.name).join('、')}。`,
    leadDepartment: v.leadDepartment,
    aliases: [...new Set([clean, `${clean}一件事`, `办${clean}`, `${clean}怎么办`])],
    matters: [{ id: apply.id, after: [] }, ...members.map((m) => ({ id: m.id, after: [apply.id] }))],
    facts: [],
    form: { fields: applicantFields(v.code.startsWith('43P'), [apply.id]) },
    ...(v.promisedDays !== undefined ? { promisedDays: v.promisedDays } : {}),
    ...(v.reform ? { reform: v.reform } : {}),
    channels: channelsOf(v),
    ...(contact ? { contact } : {}),
    faqs: v.faqs,
    sources: [source],
  };
  return { bundle, matters: [apply, ...members] };
}

/** The joint application (一表申请, 一套材料): the version's materials and conditions, accepted by the lead department. */
function applicationMatter(
  v: BundleVersion,
  id: string,
  identity: MaterialIdentity,
  source: SourceRef,
): Matter {
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
  const contact = contactOf(v);
  return {
    id,
    name: `${canonicalName(v.name)}“一件事”联办申请`,
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
    channels: channelsOf(v),
    ...(contact ? { contact } : {}),
    faqs: [],
    source,
  };
}

/** A member matter: the portal's name and promised days, with the matter guide's elements when one is imported. */
function memberMatter(
  v: BundleVersion,
  a: BundleVersion['approve'][number],
  id: string,
  guideByName: Map<string, Matter>,
  source: SourceRef,
): Matter {
  const guide =
    guideByName.get(canonicalName(a.standardName ?? a.name)) ?? guideByName.get(canonicalName(a.name));
  return {
    id,
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
    channels: channelsOf(v),
    faqs: guide?.faqs ?? [],
    ...(a.result ? { result: a.result } : {}),
    source: guide?.source ?? source,
  };
}

/** The unified form of an imported bundle: who applies (person or unit) and how to reach them. */
function applicantFields(person: boolean, matters: string[]): FormField[] {
  const field = (
    key: string,
    label: string,
    type: FormField['type'],
    shared?: FormField['shared'],
  ): FormField => ({
    key,
    label,
    type,
    required: true,
    matters,
    ...(shared ? { shared } : {}),
  });
  return person
    ? [
        field('applicant.name', '申请人姓名', 'text', { source: 'population-register', attribute: 'name' }),
        field('applicant.idNumber', '公民身份号码', 'idNumber', {
          source: 'population-register',
          attribute: 'idNumber',
        }),
        field('applicant.phone', '联系电话', 'phone'),
      ]
    : [
        field('company.name', '单位名称', 'text', { source: 'legal-person-register', attribute: 'name' }),
        field('company.uscc', '统一社会信用代码', 'uscc', {
          source: 'legal-person-register',
          attribute: 'uscc',
        }),
        field('contact.name', '经办人姓名', 'text'),
        field('contact.phone', '联系电话', 'phone'),
      ];
}
