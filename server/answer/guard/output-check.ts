import type { Catalog, Plan } from '../../../knowledge/index.ts';
import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { chineseNumber } from '../../text/chinese-number.ts';

/** Everything a model-written reply may state: the draft, the passages it was given, and the plan. */
export interface Grounding {
  /** Normalized, Chinese numerals as digits. */
  text: string;
  urls: ReadonlySet<string>;
  sourceIds: ReadonlySet<string>;
}

/** Numbers any reply may give: the service hotlines and emergency numbers of the prepared messages. */
const ALWAYS_ALLOWED_NUMBERS = new Set(['12345', '12356', '110', '120', '12333', '12329', '12366']);

const URL = /https?:\/\/[^\s)）\]】"'，。；、<>]+/gi;
/** Material-like phrases: a few characters ending in a document word. */
const DOCUMENT =
  /[\p{Script=Han}A-Za-z《》]{2,16}?(?:证明书|证明|证书|申请表|登记表|审批表|申请书|承诺书|委托书|协议书|协议|合同|执照|许可证|决定书|通知书|回执|照片|户口簿|身份证|证)/gu;
const DOCUMENT_TAIL =
  /(?:证明书|证明|证书|申请表|登记表|审批表|申请书|承诺书|委托书|协议书|协议|合同|执照|许可证|决定书|通知书|回执|照片|户口簿|身份证|证)$/u;
const QUANTITY = /(\d+(?:\.\d+)?)\s*(个工作日|工作日|个自然日|个月|天|日|元|小时|周岁|次)/g;
const DIGIT_RUN = /\d{5,}/g;

export function groundingOf(
  draft: string,
  passages: readonly string[],
  plan: Plan | undefined,
  sources: readonly string[],
  catalog?: Catalog,
): Grounding {
  const parts = [draft, ...passages];
  if (plan) {
    parts.push(plan.bundle.name);
    for (const c of plan.checklist)
      parts.push(c.name, c.source ?? '', c.condition ?? '', c.matters.join(' '));
    for (const s of plan.steps)
      parts.push(
        s.matter.name,
        s.department,
        s.timeLimit.text,
        s.channel ?? '',
        s.conditional?.question ?? '',
      );
    for (const ch of plan.channels) parts.push(JSON.stringify(ch));
    // The guides of the plan's matters: contacts, fees, channels and limits the follow-ups quote.
    if (catalog)
      for (const s of plan.steps) parts.push(JSON.stringify(catalog.matters.get(s.matter.id) ?? {}));
    if (plan.trips !== undefined) parts.push(`${plan.trips}次`);
    // Totals the composer computes from the plan.
    for (const days of [plan.timing.promisedDays, plan.timing.criticalPathDays])
      if (days !== undefined) parts.push(`${days}个工作日`);
    for (const f of plan.regionFees ?? []) parts.push(f.name, f.amount);
    if (plan.contact) parts.push(plan.contact.phone ?? '', plan.contact.note ?? '');
    for (const c of plan.citations) parts.push(c.title, c.source);
  }
  const raw = parts.join('\n');
  return {
    text: digits(normalizeText(raw)),
    urls: new Set(raw.match(URL) ?? []),
    sourceIds: new Set(sources),
  };
}

/** Names the catalog knows (all materials and matters), for spotting one the plan does not hold. */
export function catalogNames(catalog: Catalog): string[] {
  const names = new Set<string>();
  for (const m of catalog.materials.values()) for (const n of [m.name, ...m.aliases]) names.add(n);
  for (const m of catalog.matters.values()) names.add(m.name);
  return [...names].filter((n) => [...n].length >= 4);
}

/**
 * What a model-written reply states that its grounding does not: a link, a material or matter, a
 * document-like name, a quantity (days, fees, times), a phone-like number, or a passage id. Empty when the
 * reply is grounded.
 */
export function ungrounded(
  reply: string,
  grounding: Grounding,
  names: readonly string[],
  sourcesUsed: readonly string[] = [],
): string[] {
  const out: string[] = [];
  const text = digits(normalizeText(reply));
  for (const url of reply.match(URL) ?? []) if (!grounding.urls.has(url)) out.push(`url:${url}`);
  for (const token of reply.match(/URL_\d+/g) ?? []) out.push(`url-token:${token}`);
  for (const name of names) {
    const n = normalizeText(name);
    if (text.includes(n) && !grounding.text.includes(n)) out.push(`name:${name}`);
  }
  for (const match of text.matchAll(DOCUMENT)) {
    const phrase = match[0];
    if (!groundedSuffix(phrase, grounding.text)) out.push(`document:${phrase}`);
  }
  for (const match of text.matchAll(QUANTITY)) {
    const [whole, n, unit] = match;
    if (!n || !unit) continue;
    const forms = [
      whole,
      `${n}${unit}`,
      `${n}${unit.replace('个', '')}`,
      `${n}${unit === '天' ? '日' : unit === '日' ? '天' : unit}`,
    ];
    if (!forms.some((f) => containsNumber(grounding.text, f))) out.push(`quantity:${whole}`);
  }
  for (const [run] of text.matchAll(DIGIT_RUN))
    if (!ALWAYS_ALLOWED_NUMBERS.has(run) && !grounding.text.includes(run)) out.push(`number:${run}`);
  for (const id of sourcesUsed) if (!grounding.sourceIds.has(id)) out.push(`source:${id}`);
  return [...new Set(out)];
}

/**
 * A document-like phrase is grounded when its longest suffix found in the grounding is more than the
 * document word itself: 本人居民身份证 is grounded by 居民身份证; 户口迁移证明 by nothing but 证明.
 */
function groundedSuffix(phrase: string, grounding: string): boolean {
  const chars = [...phrase];
  const tail = DOCUMENT_TAIL.exec(phrase)?.[0] ?? '';
  for (let i = 0; i < chars.length; i += 1) {
    const suffix = chars.slice(i).join('');
    if (grounding.includes(suffix)) return [...suffix].length > [...tail].length + 1;
  }
  return false;
}

/** `n<unit>` in text, not preceded by another digit (1个工作日 is not in 11个工作日). */
function containsNumber(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1))
    if (at === 0 || !/\d/.test(text[at - 1] ?? '')) return true;
  return false;
}

/** 五个工作日 → 5个工作日, 二十日 → 20日, 十五天 → 15天: numbers before a unit as digits. */
export function digits(text: string): string {
  // 一次 is mostly "at once" (一次提交, 一次告知), not a count: left as words.
  return text.replace(
    /([零一二两三四五六七八九十]{1,4})(?=个|工作日|天|日|元|小时|周岁|次|年|份)/g,
    (m, _g, at: number) => {
      if (m === '一' && text[at + 1] === '次') return m;
      const n = chineseNumber(m);
      return n === undefined ? m : String(n);
    },
  );
}
