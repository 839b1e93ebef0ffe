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

/** Reads every list of a bundle guide item by item; a bad item is reported and skipped, the rest kept. */
export function readVersionLists(d: VersionListFields, file: string, report: ImportReport): Lists {
  const items = <T>(
    list: unknown[] | undefined,
    path: string,
    read: (v: unknown, p: string) => T | undefined,
  ) =>
    (list ?? []).flatMap((v, i) => {
      const x = read(v, `${path}[${i}]`);
      return x === undefined ? [] : [x];
    });
  const where = (path: string, kind: string) => ({ file, path, kind });

  const approve = items(d.approveList, 'data.approveList', (v, p) => {
    const x = readObject(
      v,
      APPROVE_ITEM,
      { lbsxfwmc: Text, tyywblxName: Text, cnsxsx: Num, resultSampleName: Text },
      where(p, 'bundle.approve'),
      report,
    );
    const name = x?.lbsxfwmc ?? x?.tyywblxName;
    if (!name) return undefined;
    const result =
      x?.resultSampleName && !/^(无|暂无|无结果样本)/.test(x.resultSampleName)
        ? x.resultSampleName
        : undefined;
    return {
      name,
      ...(x?.tyywblxName && x.tyywblxName !== name ? { standardName: x.tyywblxName } : {}),
      ...(x?.cnsxsx !== undefined ? { days: x.cnsxsx } : {}),
      ...(result ? { result } : {}),
    };
  });
  let checklistId: string | undefined;
  const materials = items(d.materialList, 'data.materialList', (v, p) => {
    const x = readObject(
      v,
      MATERIAL_ITEM,
      { clmc: Text, clbyx: Text, cllyqd: Text, mtjfssm: Text, clbz: Text, zzclfs: Num, yjsSsqdId: Text },
      where(p, 'bundle.material'),
      report,
    );
    if (!x?.clmc) return undefined;
    checklistId ??= x.yjsSsqdId;
    return {
      name: x.clmc,
      ...(x.clbyx ? { necessity: x.clbyx } : {}),
      issuedByGov: x.cllyqd === '20',
      ...(x.mtjfssm ? { spared: x.mtjfssm } : {}),
      ...(x.clbz ? { note: x.clbz.replace(/\s+/g, ' ').slice(0, 200) } : {}),
      ...(x.zzclfs && x.zzclfs >= 1 ? { copies: Math.round(x.zzclfs) } : {}),
    };
  });
  const conditions = items(
    d.guideCondition,
    'data.guideCondition',
    (v, p) => readObject(v, CONDITION_ITEM, { bltj: Text }, where(p, 'bundle.condition'), report)?.bltj,
  );
  const points = items(d.guidePoint, 'data.guidePoint', (v, p) => {
    const x = readObject(
      v,
      POINT_ITEM,
      { pointName: Text, infoAddr: Text, processingTime: Text },
      where(p, 'bundle.point'),
      report,
    );
    return x?.pointName
      ? {
          name: x.pointName,
          ...(x.infoAddr ? { address: x.infoAddr } : {}),
          ...(x.processingTime ? { hours: x.processingTime.replace(/\s+/g, ' ') } : {}),
        }
      : undefined;
  });
  const faqs = items(d.questionInfo, 'data.questionInfo', (v, p) => {
    const x = readObject(
      v,
      QUESTION_ITEM,
      { problem: Text, answer: Text },
      where(p, 'bundle.question'),
      report,
    );
    return x?.problem && x.answer && x.problem.length >= 2 && x.answer.length >= 2
      ? { q: x.problem, a: x.answer }
      : undefined;
  });
  const fees = items(d.chargelist, 'data.chargelist', (v, p) => {
    const x = readObject(
      v,
      CHARGE_ITEM,
      { FEENAME: Text, FEESTAND: Text, CHARGE_BYLAW: Text },
      where(p, 'bundle.charge'),
      report,
    );
    return x?.FEENAME
      ? {
          name: x.FEENAME,
          amount: x.FEESTAND ?? '见收费标准',
          ...(x.CHARGE_BYLAW ? { basis: x.CHARGE_BYLAW } : {}),
        }
      : undefined;
  });

  return {
    approve,
    materials,
    conditions,
    points,
    faqs,
    fees,
    ...(checklistId ? { checklistId } : {}),
  };
}
