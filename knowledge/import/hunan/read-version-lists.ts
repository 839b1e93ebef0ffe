import {
  APPROVE_ITEM,
  CHARGE_ITEM,
  CONDITION_ITEM,
  MATERIAL_ITEM,
  POINT_ITEM,
  QUESTION_ITEM,
} from './field-map.ts';
import type { ImportReport } from './import-report.ts';
import type { BundleVersion } from './read-bundle-version.ts';
import { Num, readObject, Text } from './reader.ts';

/** The list fields of a bundle guide, as the portal serves them. */
export interface VersionListFields {
  approveList?: unknown[];
  materialList?: unknown[];
  guideCondition?: unknown[];
  guidePoint?: unknown[];
  questionInfo?: unknown[];
  chargelist?: unknown[];
}

type Lists = Pick<BundleVersion, 'approve' | 'materials' | 'conditions' | 'points' | 'faqs' | 'fees'> & {
  checklistId?: string;
};

/** Where an item is, for the report. */
interface Where {
  file: string;
  path: string;
  kind: string;
}

type ItemReader<T> = (value: unknown, where: Where, report: ImportReport) => T | undefined;

/** Reads every list of a bundle guide item by item; a bad item is reported and skipped, the rest kept. */
export function readVersionLists(d: VersionListFields, file: string, report: ImportReport): Lists {
  const items = <T>(list: unknown[] | undefined, field: string, kind: string, read: ItemReader<T>): T[] =>
    (list ?? []).flatMap((v, i) => {
      const x = read(v, { file, path: `data.${field}[${i}]`, kind }, report);
      return x === undefined ? [] : [x];
    });
  const materials = items(d.materialList, 'materialList', 'bundle.material', readMaterial);
  const checklistId = materials.find((m) => m.checklistId)?.checklistId;
  return {
    approve: items(d.approveList, 'approveList', 'bundle.approve', readApprove),
    materials: materials.map((m) => m.material),
    conditions: items(d.guideCondition, 'guideCondition', 'bundle.condition', readCondition),
    points: items(d.guidePoint, 'guidePoint', 'bundle.point', readPoint),
    faqs: items(d.questionInfo, 'questionInfo', 'bundle.question', readQuestion),
    fees: items(d.chargelist, 'chargelist', 'bundle.charge', readCharge),
    ...(checklistId ? { checklistId } : {}),
  };
}

/** A member matter: its name, the standard business-item name when different, promised days and result. */
const readApprove: ItemReader<BundleVersion['approve'][number]> = (v, where, report) => {
  const x = readObject(
    v,
    APPROVE_ITEM,
    { lbsxfwmc: Text, tyywblxName: Text, cnsxsx: Num, resultSampleName: Text },
    where,
    report,
  );
  const name = x?.lbsxfwmc ?? x?.tyywblxName;
  if (!name) return undefined;
  const result =
    x?.resultSampleName && !/^(无|暂无|无结果样本)/.test(x.resultSampleName) ? x.resultSampleName : undefined;
  return {
    name,
    ...(x?.tyywblxName && x.tyywblxName !== name ? { standardName: x.tyywblxName } : {}),
    ...(x?.cnsxsx !== undefined ? { days: x.cnsxsx } : {}),
    ...(result ? { result } : {}),
  };
};

/** A material of the joint application, with the implementation id that names the guide page. */
const readMaterial: ItemReader<{ material: BundleVersion['materials'][number]; checklistId?: string }> = (
  v,
  where,
  report,
) => {
  const x = readObject(
    v,
    MATERIAL_ITEM,
    { clmc: Text, clbyx: Text, cllyqd: Text, mtjfssm: Text, clbz: Text, zzclfs: Num, yjsSsqdId: Text },
    where,
    report,
  );
  if (!x?.clmc) return undefined;
  return {
    material: {
      name: x.clmc,
      ...(x.clbyx ? { necessity: x.clbyx } : {}),
      issuedByGov: x.cllyqd === '20',
      ...(x.mtjfssm ? { spared: x.mtjfssm } : {}),
      ...(x.clbz ? { note: x.clbz.replace(/\s+/g, ' ').slice(0, 200) } : {}),
      ...(x.zzclfs && x.zzclfs >= 1 ? { copies: Math.round(x.zzclfs) } : {}),
    },
    ...(x.yjsSsqdId ? { checklistId: x.yjsSsqdId } : {}),
  };
};

const readCondition: ItemReader<string> = (v, where, report) =>
  readObject(v, CONDITION_ITEM, { bltj: Text }, where, report)?.bltj;

/** An office: name, address, opening hours. */
const readPoint: ItemReader<BundleVersion['points'][number]> = (v, where, report) => {
  const x = readObject(
    v,
    POINT_ITEM,
    { pointName: Text, infoAddr: Text, processingTime: Text },
    where,
    report,
  );
  if (!x?.pointName) return undefined;
  return {
    name: x.pointName,
    ...(x.infoAddr ? { address: x.infoAddr } : {}),
    ...(x.processingTime ? { hours: x.processingTime.replace(/\s+/g, ' ') } : {}),
  };
};

const readQuestion: ItemReader<BundleVersion['faqs'][number]> = (v, where, report) => {
  const x = readObject(v, QUESTION_ITEM, { problem: Text, answer: Text }, where, report);
  return x?.problem && x.answer && x.problem.length >= 2 && x.answer.length >= 2
    ? { q: x.problem, a: x.answer }
    : undefined;
};

const readCharge: ItemReader<BundleVersion['fees'][number]> = (v, where, report) => {
  const x = readObject(v, CHARGE_ITEM, { FEENAME: Text, FEESTAND: Text, CHARGE_BYLAW: Text }, where, report);
  if (!x?.FEENAME) return undefined;
  return {
    name: x.FEENAME,
    amount: x.FEESTAND ?? '见收费标准',
    ...(x.CHARGE_BYLAW ? { basis: x.CHARGE_BYLAW } : {}),
  };
};
