import { z } from 'zod';

/**
 * The HTTP contract of the data-sharing exchange (政务数据共享交换) as yishi reads it. The sandbox serves it;
 * a real exchange behind an adapter speaks the same. Every call carries the app key (Authorization: Bearer),
 * the consent id (X-Consent-Id) and the purpose (X-Purpose); records are keyed by the catalog's attribute names.
 *
 *   GET {base}/population/{公民身份号码}          → { record: PersonRecord }
 *   GET {base}/licences/marriage?holder={号码}    → { records: MarriageRecord[] }
 *   GET {base}/records/birth?parent={号码}        → { records: BirthRecord[] }
 *   GET {base}/legal-persons?legalRep={号码}      → { records: CompanyRecord[] }
 */
export const PersonRecord = z.object({
  公民身份号码: z.string(),
  姓名: z.string(),
  性别: z.enum(['男', '女']),
  出生日期: z.string(),
  民族: z.string(),
  户籍地址: z.string(),
  户主姓名: z.string(),
  婚姻状况: z.string(),
  配偶公民身份号码: z.string().optional(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const MarriageRecord = z.object({
  结婚证字号: z.string(),
  男方姓名: z.string(),
  男方公民身份号码: z.string(),
  女方姓名: z.string(),
  女方公民身份号码: z.string(),
  登记日期: z.string(),
  登记机关: z.string(),
});
export type MarriageRecord = z.infer<typeof MarriageRecord>;

export const BirthRecord = z.object({
  出生医学证明编号: z.string(),
  新生儿姓名: z.string(),
  新生儿性别: z.enum(['男', '女']),
  出生时间: z.string(),
  助产机构名称: z.string(),
  母亲姓名: z.string(),
  母亲公民身份号码: z.string(),
  父亲姓名: z.string(),
  父亲公民身份号码: z.string(),
});
export type BirthRecord = z.infer<typeof BirthRecord>;

export const CompanyRecord = z.object({
  统一社会信用代码: z.string(),
  名称: z.string(),
  类型: z.string(),
  法定代表人: z.string(),
  法定代表人公民身份号码: z.string(),
  住所: z.string(),
  成立日期: z.string(),
  注册资本: z.string(),
  经营范围: z.string(),
  登记机关: z.string(),
});
export type CompanyRecord = z.infer<typeof CompanyRecord>;

export const OneRecord = <T extends z.ZodType>(record: T) => z.object({ record });
export const ManyRecords = <T extends z.ZodType>(record: T) => z.object({ records: z.array(record) });
