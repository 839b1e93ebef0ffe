import type { Bundle, BundleMatter } from '../../model/bundle.schema.ts';
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
