import { z } from 'zod';
import type { Channel, Faq, Fees } from '../../model/common.schema.ts';
import type { MaterialUse } from '../../model/material.schema.ts';
import { type Matter, MatterType } from '../../model/matter.schema.ts';
import { MATTER_CHARGE, MATTER_DATA, MATTER_FAQ, MATTER_FILE, MATTER_MATERIAL } from './field-map.ts';
import type { ImportReport } from './import-report.ts';
import type { MaterialIdentity } from './material-identity.ts';
import { List, Num, readObject, Text } from './reader.ts';
import { HUNAN_PORTAL, splitItems, stableId } from './util.ts';

/**
 * Maps one ordinary matter guide (事项办事指南) of the Hunan portal to a catalog Matter.
 * Returns undefined (with issues reported) when the file has no usable name.
 */
export function mapMatterGuide(
  json: unknown,
  file: string,
  report: ImportReport,
  materials: MaterialIdentity,
  retrieved: string,
): Matter | undefined {
  const top = readObject(
    json,
    MATTER_FILE,
    { data: z.unknown() },
    { file, path: '', kind: 'matter' },
    report,
  );
  const d = readObject(
    top?.data,
    MATTER_DATA,
    {
      unifyId: Text,
      unifyName: Text,
      rightsCode: Text,
      typeName: Text,
      deptName: Text,
      orgName: Text,
      blbm: Text,
      acceptanceCondition: Text,
      according: Text,
      approveLimit: Num,
      approveLimitExplain: Text,
      commitmentLimit: Num,
      isCharge: Text,
      chargeList: List,
      transactionFrom: Text,
      processDescript: Text,
      faqList: List,
      materialList: List,
      resultSampleName: Text,
      minSeq: Num,
    },
    { file, path: 'data', kind: 'matter.data' },
    report,
  );
  if (!d?.unifyId || !d.unifyName) {
    report.issue(file, 'data.unifyName', 'unmapped', 'matter guide without id or name: not imported');
    return undefined;
  }
  const type = MatterType.safeParse(d.typeName);
  if (d.typeName && !type.success)
    report.issue(file, 'data.typeName', 'unmapped', `unknown matter type "${d.typeName}"`);

  const uses = readMaterials(d.materialList ?? [], file, report, materials);
  const fees = readFees(d.chargeList ?? [], file, report);
  const faqs = readFaqs(d.faqList ?? [], file, report);
  const url = `${HUNAN_PORTAL}hnywtb/service/guide.html?id=${encodeURIComponent(d.unifyId)}${d.rightsCode ? `&rightsCode=${d.rightsCode}` : ''}`;
  const steps = splitItems(d.processDescript).map((s) => ({
    name: s.slice(0, 60),
    ...(s.length > 60 ? { detail: s } : {}),
  }));
  return {
    id: stableId('hn-matter', d.unifyId),
    ...(d.rightsCode ? { code: d.rightsCode } : {}),
    name: d.unifyName,
    aliases: [],
    department: d.orgName ?? d.deptName ?? '湖南省相关部门',
    ...(type.success ? { type: type.data } : {}),
    ...(d.blbm ? { level: d.blbm } : {}),
    legalBasis: splitItems(d.according, 8),
    conditions: splitItems(d.acceptanceCondition, 10),
    materials: uses,
    steps: steps.length > 0 ? steps : [{ name: '按办事指南提交申请，由承办机构受理、审核、办结' }],
    timeLimit: {
      ...(d.approveLimit !== undefined ? { legalDays: Math.round(d.approveLimit) } : {}),
      promisedDays: Math.round(d.commitmentLimit ?? d.approveLimit ?? 0),
      unit: 'workday',
      ...(d.approveLimitExplain ? { note: d.approveLimitExplain.slice(0, 200) } : {}),
    },
    fees: { free: d.isCharge !== '是' && fees.length === 0, items: fees },
    channels: channelsOf(d.transactionFrom, d.blbm, url),
    faqs,
    ...(d.resultSampleName && !/^(无|暂无)$/.test(d.resultSampleName) ? { result: d.resultSampleName } : {}),
    source: { title: `湖南政务服务网 ${d.unifyName} 办事指南`, url, publisher: '湖南省人民政府', retrieved },
  };
}

/** The guide's materials, each given its catalog identity; a material listed twice is kept once. */
function readMaterials(
  list: unknown[],
  file: string,
  report: ImportReport,
  materials: MaterialIdentity,
): MaterialUse[] {
  const uses = list.flatMap((m, i): MaterialUse[] => {
    const x = readObject(
      m,
      MATTER_MATERIAL,
      {
        materialTitle: Text,
        materialType: Text,
        isMust: Text,
        copiesNum: Num,
        acceptStandard: Text,
        freeSubmission: Text,
      },
      { file, path: `data.materialList[${i}]`, kind: 'matter.material' },
      report,
    );
    if (!x?.materialTitle) return [];
    const forms: MaterialUse['forms'] = x.materialType?.includes('复印')
      ? x.materialType.includes('原件')
        ? ['original', 'copy']
        : ['copy']
      : ['original'];
    const notes = [x.isMust && x.isMust !== '必要' ? x.isMust : '', x.acceptStandard ?? '']
      .filter(Boolean)
      .join('；');
    return [
      {
        ref: materials.resolve(x.materialTitle),
        forms,
        ...(x.copiesNum && x.copiesNum >= 1 ? { copies: Math.round(x.copiesNum) } : {}),
        deferrable: x.isMust === '容缺后补',
        ...(notes ? { note: notes.slice(0, 200) } : {}),
      },
    ];
  });
  return uses.filter((u, i) => uses.findIndex((x) => x.ref === u.ref) === i);
}

function readFees(list: unknown[], file: string, report: ImportReport): Fees['items'] {
  return list.flatMap((c, i) => {
    const x = readObject(
      c,
      MATTER_CHARGE,
      { feename: Text, feestand: Text, chargeBylaw: Text },
      { file, path: `data.chargeList[${i}]`, kind: 'matter.charge' },
      report,
    );
    return x?.feename
      ? [
          {
            name: x.feename,
            amount: x.feestand ?? '见收费标准',
            ...(x.chargeBylaw ? { basis: x.chargeBylaw } : {}),
          },
        ]
      : [];
  });
}

function readFaqs(list: unknown[], file: string, report: ImportReport): Faq[] {
  return list.flatMap((f, i) => {
    const x = readObject(
      f,
      MATTER_FAQ,
      { faqContent: Text, replyContent: Text },
      { file, path: `data.faqList[${i}]`, kind: 'matter.faq' },
      report,
    );
    return x?.faqContent && x.replyContent && x.faqContent.length >= 2 && x.replyContent.length >= 2
      ? [{ q: x.faqContent, a: x.replyContent }]
      : [];
  });
}

function channelsOf(from: string | undefined, level: string | undefined, url: string): Channel[] {
  const kinds = (from ?? '网上办理').split('^');
  const out: Channel[] = [];
  if (kinds.some((k) => k.includes('网上'))) out.push({ kind: 'online', name: '湖南政务服务网', url });
  if (kinds.some((k) => k.includes('窗口')))
    out.push({ kind: 'office', name: level ? `${level}办事窗口` : '办事窗口' });
  if (kinds.some((k) => k.includes('快递'))) out.push({ kind: 'mail', name: '快递申请' });
  return out.length > 0 ? out : [{ kind: 'online', name: '湖南政务服务网', url }];
}
