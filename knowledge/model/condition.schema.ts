import { z } from 'zod';
import { Id } from './common.schema.ts';

/** A value a situation fact can take: yes/no facts use booleans, choice facts use option ids. */
export const FactValue = z.union([z.boolean(), Id]);
export type FactValue = z.infer<typeof FactValue>;

/**
 * A condition over situation facts. Leaves compare one fact; `all`, `any` and `not` combine.
 * Example (YAML): `{ fact: by-proxy, is: true }` or `{ any: [{ fact: entity-type, is: [company, branch] }] }`.
 */
export type Condition =
  | { fact: string; is: FactValue | FactValue[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: Id, is: z.union([FactValue, z.array(FactValue).min(1)]) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);
