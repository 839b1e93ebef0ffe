import { basename } from 'node:path';
import { z } from 'zod';
import { resolveAreaName } from '../../regions/divisions.ts';
import { BASIC_INFO, BUNDLE_DATA, BUNDLE_FILE, STAND_GUIDE } from './field-map.ts';
import type { ImportReport } from './import-report.ts';
import { readVersionLists } from './read-version-lists.ts';
import { List, Num, readObject, Text } from './reader.ts';

/** One local version (实施清单) of a bundle as the portal describes it, before it becomes catalog data. */
export interface BundleVersion {
  file: string;
  code: string;
  name: string;
  area: { name: string; code: string; note?: string };
  checklistId?: string;
  leadDepartment: string;
  promisedDays?: number;
  phone?: string;
  complaintPhone?: string;
  cooperating?: string;
  free: boolean;
  visitsNote?: string;
  deliveryNote?: string;
  onlineUrl?: string;
  flow: string[];
  reform?: { before: Record<string, number>; after: Record<string, number> };
  approve: { name: string; standardName?: string; days?: number; result?: string }[];
  materials: {
    name: string;
    necessity?: string;
    issuedByGov: boolean;
    spared?: string;
    note?: string;
    copies?: number;
  }[];
  conditions: string[];
  points: { name: string; address?: string; hours?: string }[];
  faqs: { q: string; a: string }[];
  fees: { name: string; amount: string; basis?: string }[];
}

const CODE = /^43[0-9A-Z]{7,10}$/;

const DATA_SHAPE = {
  sxmc: Text,
  yjsSsqdbm: Text,
  basicInfo: z.unknown(),
  onethingCatalogStandServiceGuide: z.unknown(),
  approveList: List,
  materialList: List,
  guideCondition: List,
  guidePoint: List,
  questionInfo: List,
  chargelist: List,
};

const BASIC_SHAPE = {
  areaName: Text,
  qtbmmc: Text,
  completedLimit: Num,
  zxdh: Text,
  jdtsdh: Text,
  cooperateName: Text,
  isCharge: Text,
  reasonLink: Text,
};

const GUIDE_SHAPE = {
  bllctsm: Text,
  cnbjsx: Num,
  gqblsx: Num,
  xzblsx: Num,
  gqpdcs: Num,
  xzpdcs: Num,
  gqsbcl: Num,
  xzsbcl: Num,
  hjsgq: Num,
  hjsxz: Num,
  zcblqdWbdz: Text,
  dbsxcyyhhj: Text,
  xxbldsm: Text,
  jgsdsm: Text,
  zxdh: Text,
  jdtsdh: Text,
};

type Guide = { [K in keyof typeof GUIDE_SHAPE]?: z.output<(typeof GUIDE_SHAPE)[K]> };

/** Reads a bundle guide file; returns undefined (issues reported) when it cannot be placed. */
export function readBundleVersion(
  json: unknown,
  file: string,
  report: ImportReport,
): BundleVersion | undefined {
  const top = readObject(
    json,
    BUNDLE_FILE,
    { data: z.unknown() },
    { file, path: '', kind: 'bundle' },
    report,
  );
  const d = readObject(
    top?.data,
    BUNDLE_DATA,
    DATA_SHAPE,
    { file, path: 'data', kind: 'bundle.data' },
    report,
  );
  if (!d?.sxmc) {
    report.issue(file, 'data.sxmc', 'unmapped', 'bundle guide without a name: not imported');
    return undefined;
  }
  const code = bundleCode(file, d.yjsSsqdbm);
  if (!code) {
    report.issue(
      file,
      'data.yjsSsqdbm',
      'unmapped',
      'no bundle code in the file name or implementation code: not imported',
    );
    return undefined;
  }
  const where = (path: string, kind: string) => ({ file, path, kind });
  const b = readObject(
    d.basicInfo,
    BASIC_INFO,
    BASIC_SHAPE,
    where('data.basicInfo', 'bundle.basicInfo'),
    report,
  );
  const g = readObject(
    d.onethingCatalogStandServiceGuide,
    STAND_GUIDE,
    GUIDE_SHAPE,
    where('data.onethingCatalogStandServiceGuide', 'bundle.standGuide'),
    report,
  );
  const areaName = b?.areaName;
  const area = areaName ? resolveAreaName(areaName, '43') : undefined;
  if (!areaName || !area) {
    report.issue(
      file,
      'data.basicInfo.areaName',
      'unmapped',
      `area "${areaName ?? ''}" has no GB/T 2260 code: not imported`,
    );
    return undefined;
  }

  const lists = readVersionLists(d, file, report);
  const promised = b?.completedLimit ?? g?.cnbjsx;
  const online = g?.zcblqdWbdz && /^https?:\/\//.test(g.zcblqdWbdz) ? g.zcblqdWbdz : undefined;
  const reform = reformFigures(g);
  return {
    file,
    code,
    name: d.sxmc,
    area: { name: areaName, ...area },
    leadDepartment: b?.qtbmmc ?? '湖南省政务服务中心',
    ...(promised !== undefined ? { promisedDays: Math.round(promised) } : {}),
    ...((b?.zxdh ?? g?.zxdh) ? { phone: (b?.zxdh ?? g?.zxdh ?? '').replace(/\s{2,}/g, '；') } : {}),
    ...((b?.jdtsdh ?? g?.jdtsdh) ? { complaintPhone: b?.jdtsdh ?? g?.jdtsdh } : {}),
    ...(b?.cooperateName ? { cooperating: b.cooperateName } : {}),
    free: b?.isCharge !== '1' && lists.fees.length === 0,
    ...((b?.reasonLink ?? g?.dbsxcyyhhj) ? { visitsNote: b?.reasonLink ?? g?.dbsxcyyhhj } : {}),
    ...(g?.jgsdsm && !/^暂无/.test(g.jgsdsm) ? { deliveryNote: g.jgsdsm } : {}),
    ...(online ? { onlineUrl: online } : {}),
    flow: flowSteps(g?.bllctsm),
    ...(reform ? { reform } : {}),
    ...lists,
  };
}

/** The bundle code: from the file name (43PCN0009[-id].json), else from the implementation code. */
function bundleCode(file: string, implementationCode: string | undefined): string | undefined {
  const fromName =
    basename(file)
      .replace(/\.json$/, '')
      .split('-')[0] ?? '';
  return CODE.test(fromName) ? fromName : /^(43[A-Z]{3}\d{4})/.exec(implementationCode ?? '')?.[1];
}

/** Before/after figures of the reform (days, trips, materials, steps), when both sides are published. */
function reformFigures(g: Guide | undefined): BundleVersion['reform'] {
  const figures = (
    days?: number,
    trips?: number,
    materials?: number,
    steps?: number,
  ): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries({ days, trips, materials, steps })) if (v !== undefined) out[k] = v;
    return out;
  };
  const before = figures(g?.gqblsx, g?.gqpdcs, g?.gqsbcl, g?.hjsgq);
  const after = figures(g?.xzblsx, g?.xzpdcs, g?.xzsbcl, g?.hjsxz);
  return Object.keys(before).length && Object.keys(after).length ? { before, after } : undefined;
}

/** The flow description ("A->B->C") as steps, without placeholders like 无 or 流程图. */
function flowSteps(text: string | undefined): string[] {
  return (text ?? '')
    .split(/->|→|—>/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && !/^(无|流程图)$/.test(s) && !/流程图$/.test(s));
}
