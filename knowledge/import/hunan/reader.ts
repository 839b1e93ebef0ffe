import { z } from 'zod';
import type { Disposition } from './field-map.ts';
import type { ImportReport } from './import-report.ts';

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A text field; numbers are accepted as text. */
export const Text = z.preprocess(
  (v) => (blank(v) ? undefined : v),
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .optional(),
);

/** A number field; the portal writes numbers as numbers or numeric strings, sometimes with a unit. */
export const Num = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === 'string' ? v.replace(/(个)?(工作日|天|日)$/, '').trim() : v),
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .optional(),
);

export const List = z.preprocess((v) => (blank(v) ? [] : v), z.array(z.unknown()));

export const Obj = z.record(z.string(), z.unknown());

/**
 * Reads one portal object: reports keys the field map does not know, counts knowingly skipped ones, and
 * parses the wanted fields with their schemas. A malformed field is reported and left out; the rest of the
 * object is still read.
 */
export function readObject<S extends Record<string, z.ZodType>>(
  value: unknown,
  fields: Record<string, Disposition>,
  shape: S,
  where: { file: string; path: string; kind: string },
  report: ImportReport,
): { [K in keyof S]?: z.output<S[K]> } | undefined {
  const obj = Obj.safeParse(value);
  if (!obj.success) {
    report.issue(
      where.file,
      where.path,
      'malformed',
      `expected an object, got ${JSON.stringify(value)?.slice(0, 40)}`,
    );
    return undefined;
  }
  for (const key of Object.keys(obj.data)) {
    const d = fields[key];
    if (!d)
      report.issue(
        where.file,
        `${where.path}.${key}`,
        'unknown_field',
        `field "${key}" is not in the importer's field map`,
      );
    else if ('skip' in d) report.skip(`${where.kind}.${key}`, d.skip);
  }
  const out: { [K in keyof S]?: z.output<S[K]> } = {};
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const schema = shape[key];
    if (!schema) continue;
    const parsed = (schema as S[typeof key]).safeParse(obj.data[key]) as z.ZodSafeParseResult<
      z.output<S[typeof key]>
    >;
    if (parsed.success) {
      if (parsed.data !== undefined && parsed.data !== null) out[key] = parsed.data;
    } else {
      report.issue(
        where.file,
        `${where.path}.${key}`,
        'malformed',
        parsed.error.issues[0]?.message ?? 'invalid value',
      );
    }
  }
  return out;
}
