import { distance } from 'fastest-levenshtein';
import type { Catalog } from '../../knowledge/index.ts';
import type { FormField } from '../../knowledge/model/form-field.schema.ts';
import { findPii, maskPii } from '../answer/guard/pii.ts';
import { extractFields } from './extract/extract-fields.ts';
import { personNameField } from './extract/field-spec.ts';
import { prefixOf } from './extract/roles.ts';
import { speakerIn } from './extract/speaker.ts';
import type { FieldSource, FormState } from './form-state.ts';

/** Words that start filling: 帮我填表, 我要申请, 帮我预填, 开始填吧, 帮我办一下 (and 天一下表, typed for 填). */
export const FILL_INTENT =
  /帮(?:我|她|他|忙)?(?:一起|一下|把表|给我)?(?:填|预填|申请)|填表|填一下|填个表|填申请|把表填|表填上|填上吧|填写|我要申[请清青]|我想申[请清青]|预填|开始填|申请表|一表申请|直接申请|帮(?:我|她|他)?办(?:一下|了|咯|吧|嘛|呗|理)?(?:$|[，,。!！])|直接帮我办|[天田甜]一下表|[天田甜]个表/;

export interface FillResult {
  /** Keys set by this message, in form order. */
  set: string[];
  /** Values refused, with the message for the person. */
  rejected: { key: string; message: string }[];
}

/** A new draft of the bundle's form. */
export function newForm(bundleId: string): FormState {
  return { bundleId, filling: true, fields: {} };
}

/**
 * Fills the draft from one message: extracted values become prefilled (or replace a value when the message
 * corrects one); refused ones are marked invalid with their message and no value. Then asks for the next
 * required field still empty.
 */
export function fillFromMessage(
  form: FormState,
  fields: readonly FormField[],
  message: string,
  turn: number,
  now: Date,
): FillResult {
  const speaker = speakerIn(
    message,
    fields.map((f) => f.key),
  );
  if (speaker) form.speaker = speaker;
  const extraction = extractFields(message, {
    fields,
    today: now,
    asking: form.asking,
    speaker: form.speaker,
    recent: recentPrefix(form),
    speakerName: speakerName(form, fields),
  });
  const at = now.toISOString();
  const source: FieldSource = { kind: extraction.correction ? 'correction' : 'conversation', turn, at };
  const set: string[] = [];
  for (const said of extraction.values) {
    const key = extraction.correction ? correctedKey(form, fields, said.key, said.value) : said.key;
    form.fields[key] = { value: said.value, source, status: 'prefilled' };
    set.push(key);
  }
  const rejected = extraction.rejected.filter((r) => !set.includes(r.key));
  for (const r of rejected)
    form.fields[r.key] = { value: null, source, status: 'invalid', message: r.message };
  form.asking = nextAsked(form, fields);
  const order = new Map(fields.map((f, i) => [f.key, i]));
  set.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { set, rejected: rejected.map(({ key, message: m }) => ({ key, message: m })) };
}

/**
 * The field a correction is for: of the fields of the same type that already hold a value, the one whose value
 * is closest to the new one (名字写错了，是杜欣玥 corrects 杜欣悦, wherever the reader would have put it), when
 * at least half of it stays; otherwise where the reader put it.
 */
function correctedKey(
  form: FormState,
  fields: readonly FormField[],
  key: string,
  value: string | number | boolean,
): string {
  const type = fields.find((f) => f.key === key)?.type;
  if (typeof value !== 'string' || !type) return key;
  // 身份证号输错了，是…: a value refused before is what is being corrected, when there is one such.
  const refused = fields.filter((f) => f.type === type && form.fields[f.key]?.status === 'invalid');
  if (refused.length === 1 && refused[0]) return refused[0].key;
  let best = { key, closeness: 0.5 };
  for (const f of fields.filter((x) => x.type === type)) {
    const old = form.fields[f.key]?.value;
    if (typeof old !== 'string' || old === value) continue;
    const closeness = 1 - distance(old, value) / Math.max(old.length, value.length);
    if (closeness > best.closeness) best = { key: f.key, closeness };
  }
  return best.key;
}

/** The name the form has for the person speaking, once they have said who they are. */
function speakerName(form: FormState, fields: readonly FormField[]): string | undefined {
  const field = fields.find((f) => personNameField(f) && prefixOf(f.key) === form.speaker);
  const value = field ? form.fields[field.key]?.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The person or entity of the last value said in the conversation (the last one set in the latest turn). */
function recentPrefix(form: FormState): string | undefined {
  const said = Object.entries(form.fields).filter(
    ([, f]) => f.source.kind === 'conversation' || f.source.kind === 'correction',
  );
  const latest = Math.max(-1, ...said.map(([, f]) => f.source.turn ?? -1));
  const key = said.filter(([, f]) => f.source.turn === latest).at(-1)?.[0];
  return key ? prefixOf(key) : undefined;
}

/** The first required field without a usable value, in form order. */
export function nextAsked(form: FormState, fields: readonly FormField[]): string | undefined {
  return fields.find((f) => f.required && !(form.fields[f.key]?.value !== null && form.fields[f.key]))?.key;
}

/** The reply of a filling turn: what was recorded (identifiers masked), what was refused, the next question. */
export function fillReply(catalog: Catalog, form: FormState, result: FillResult): string {
  const fields = catalog.bundles.get(form.bundleId)?.form.fields ?? [];
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const parts: string[] = [];
  if (result.set.length > 0) {
    const lines = result.set.map((key) => `· ${label(key)}：${shown(form.fields[key]?.value ?? '')}`);
    parts.push(`已为您填入申请表：\n${lines.join('\n')}`);
  }
  for (const r of result.rejected) parts.push(`${label(r.key)}：${r.message}`);
  const filled = fields.filter((f) => form.fields[f.key]?.value != null).length;
  const next = form.asking ? fields.find((f) => f.key === form.asking) : undefined;
  if (next)
    parts.push(
      `已填${filled}/${fields.length}项。下一项：请告诉我“${next.label}”${next.help ? `（${next.help}）` : ''}。`,
    );
  else parts.push(`必填项都已填写（共填${filled}/${fields.length}项）。请核对后确认提交。`);
  if (result.set.length === 0 && result.rejected.length === 0 && parts.length === 1)
    parts.unshift(
      `好的，我们开始填写“${catalog.bundles.get(form.bundleId)?.name ?? ''}”的申请表。您可以一次说几项，我会逐项记下。`,
    );
  return parts.join('\n\n');
}

/** Values as shown back in chat: identifiers masked, booleans in words. */
function shown(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value);
  return maskPii(text, findPii(text));
}
