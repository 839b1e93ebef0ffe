import type { Fact } from '../../../knowledge/model/fact.schema.ts';

type Value = boolean | string;

/** A negation right before a cue: 不/没/非 … optionally followed by 是/有/在 (不是本地户口, 没有公积金). */
const NEGATORS = /[不没非无未别](?:是|有|在|属于)?$/;
const YES =
  /^(是|是的|对|对的|对呀|嗯|嗯嗯|有|有的|要|需要|好|好的|没错|确实|委托|是啊|对啊|有啊|要的)[。!！.]?$/;
const NO = /^(不是|不|否|没有|没|无|不要|不用|不需要|不对|没有的|都不是|都没有|不是的)[。!！.]?$/;

/**
 * Reads answers to situation questions from a normalized message: option cues anywhere in the text
 * (a negated cue flips a yes/no fact: 不是本地户口 → local-hukou: false), or a bare 是/不是 answering the
 * question just asked.
 */
export function detectFacts(raw: string, facts: readonly Fact[], pending?: Fact): Record<string, Value> {
  const text = distributeNegation(raw);
  const found: Record<string, Value> = {};
  for (const fact of facts) {
    let best: { value: Value; length: number } | undefined;
    for (const option of fact.options) {
      for (const cue of option.cues) {
        if (cue.length <= (best?.length ?? 0)) continue;
        const at = findCue(text, cue);
        if (at === -1) continue;
        const negated = NEGATORS.test(text.slice(Math.max(0, at - 3), at));
        if (negated && fact.kind !== 'boolean') continue;
        const value = negated && typeof option.value === 'boolean' ? !option.value : option.value;
        best = { value, length: cue.length };
      }
    }
    if (best) found[fact.id] = best.value;
  }
  if (pending && found[pending.id] === undefined) {
    const answer = bareAnswer(text, pending);
    if (answer !== undefined) found[pending.id] = answer;
  }
  return found;
}

/**
 * A negation after two joined things applies to both: 宽带和有线电视不要 also reads as 宽带不要 有线电视不要
 * (appended, so the original words still count).
 */
export function distributeNegation(text: string): string {
  const extra = [
    ...text.matchAll(
      /(\p{Script=Han}{1,6})(?:和|跟|与|、|还有)(\p{Script=Han}{1,6}?)都?(不要|不用|不装|不需要|不办)/gu,
    ),
  ].map(([, a, b, no]) => `${a}${no} ${b}${no}`);
  return extra.length > 0 ? `${text} ${extra.join(' ')}` : text;
}

/** Filler a person puts inside a phrase: 单位(一直)交(的)社保, 交(了)生育险. */
const FILLER = /[的了一直都也还过着是在给]/;

/**
 * Where a cue occurs: verbatim, or for cues of three or more characters, with up to three filler
 * characters between its characters (单位一直交的社保 says 单位交社保). Returns -1 when absent.
 */
export function findCue(text: string, cue: string): number {
  const exact = text.indexOf(cue);
  if (exact !== -1 || cue.length < 3) return exact;
  const chars = [...cue];
  for (
    let start = text.indexOf(chars[0] ?? '');
    start !== -1;
    start = text.indexOf(chars[0] ?? '', start + 1)
  ) {
    let pos = start + 1;
    let skipped = 0;
    let matched = 1;
    while (matched < chars.length && pos < text.length && skipped <= 3) {
      const ch = text[pos] ?? '';
      if (ch === chars[matched]) matched += 1;
      else if (FILLER.test(ch)) skipped += 1;
      else break;
      pos += 1;
    }
    if (matched === chars.length && skipped <= 3) return start;
  }
  return -1;
}

function bareAnswer(text: string, fact: Fact): Value | undefined {
  const t = text.replace(/[，,。.!！?？\s]/g, '');
  if (fact.kind === 'boolean') {
    if (NO.test(t)) return false;
    if (YES.test(t)) return true;
    return undefined;
  }
  const ordinal = /第([一二三四五1-5])(个|种|项)?/.exec(t);
  if (ordinal?.[1]) {
    const n = '一二三四五'.indexOf(ordinal[1]) + 1 || Number(ordinal[1]);
    return fact.options[n - 1]?.value;
  }
  const byLabel = fact.options.find((o) => t.includes(o.label) || (o.label.includes(t) && t.length >= 2));
  return byLabel?.value;
}
