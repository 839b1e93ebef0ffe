import type { FieldSpec, FieldValue } from './field-spec.ts';

/** One clause being read: who it is about, how to pick a field, where values go. */
export interface Reader {
  clause: string;
  /** The clause with identifiers and phones taken out, for the number readers. */
  rest: string;
  /** The key prefix of the person or entity the clause is about. */
  current: string | undefined;
  /** How the form calls the person speaking (爸爸, 男方 …), once they have said who they are. */
  speakerWord: string | undefined;
  /** Whether a clause before this one in the message named a person (监护人是我，贺婷芮，…). */
  namedBefore: boolean;
  /** The prefix of the role the clause itself names, if it names one (not carried from the clause before). */
  own: string | undefined;
  fields: readonly FieldSpec[];
  asking: FieldSpec | undefined;
  today: Date;
  pick(type: FieldSpec['type'], hint?: (f: FieldSpec) => boolean): FieldSpec | undefined;
  set(key: string, value: FieldValue): void;
  reject(key: string, raw: string, message: string): void;
  /** The last address read in this message and where it went, for 也住这里. */
  lastAddress?: { key: string; value: string } | undefined;
}
