import { z } from 'zod';
import { Id } from './common.schema.ts';

/** A regular expression (JavaScript syntax, Unicode mode), checked to compile when the catalog loads. */
const RegexSource = z.string().refine(
  (s) => {
    try {
      new RegExp(s, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/** A field of a bundle's unified form (一表申请), mapped back to the matters that need it. */
export const FormField = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)*$/, 'key must be dotted camelCase, e.g. child.name'),
    label: z.string().min(2),
    type: z.enum(['text', 'idNumber', 'uscc', 'phone', 'date', 'address', 'number', 'choice', 'boolean']),
    required: z.boolean().default(true),
    options: z.array(z.string()).optional(),
    /**
     * Everyday words for each option, as regular expressions (租的 for 租赁, 骑手 for 新就业形态从业人员…):
     * what the conversation reader listens for besides the option's own words.
     */
    optionCues: z.record(z.string(), z.array(RegexSource).min(1)).optional(),
    /** Words people use for the field besides its label (车牌 for 旧车号牌号码): the reader finds the value after them. */
    cues: z.array(z.string().min(1)).optional(),
    /** The shape of a value (湘A3K8Q7), as a regular expression: values are read by it and checked against it. */
    pattern: RegexSource.optional(),
    section: z.string().optional(),
    matters: z.array(Id).min(1),
    /** A shared register that can prefill this field, under consent, with the attribute read. */
    shared: z.strictObject({ source: Id, attribute: z.string() }).optional(),
    help: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    for (const option of Object.keys(f.optionCues ?? {}))
      if (!f.options?.includes(option))
        ctx.addIssue({
          code: 'custom',
          path: ['optionCues', option],
          message: `${option} is not an option of ${f.key}`,
        });
  });
export type FormField = z.infer<typeof FormField>;
