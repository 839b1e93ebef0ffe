import { countSpoken, decimalSpoken, digitsSingly, quantitySpoken, yearSpoken } from './spoken-numbers.ts';

/** A sentence longer than this is cut at a comma: a listener keeps about this much in mind at once. */
export const MAX_SENTENCE = 36;

/** Measure words and units after which digits are a quantity (30个工作日, 2份, 100元), not a code. */
const MEASURE =
  '个|天|日|份|岁|元|块|万|次|小时|分钟|周|年(?!\\d)|月(?!\\d)|人|项|步|件|张|名|家|页|倍|本|户|平方米|平米|公里|米|楼|层|号(?=窗口|楼)';

/**
 * Text for the ear, from a reply written for the eye: no URLs, markup or list bullets; dates spoken
 * (2026年3月5日 → 二〇二六年三月五日); quantities as numbers (30个工作日 → 三十个工作日); every other run of digits
 * — phone and hotline numbers, ID numbers, codes — read one by one (12345 → 一二三四五), long ones in groups.
 */
export function listeningText(text: string): string {
  return tidyPauses(spokenNumbers(spokenDatesAndTimes(withoutMarkup(text))));
}

/** Citations, URLs, markup, bullets, quotes and short asides dropped; a case code spelt out. */
function withoutMarkup(text: string): string {
  return (
    text
      // Citations are for reading: the spoken answer names no [1] and no 依据 line.
      .replace(/^依据[:：].*$/gm, '')
      .replace(/\[\d+\]\s*/g, '')
      .replace(/\s*(?:https?:\/\/|www\.)[\w\-./?%&=#:~+]+\s*/gi, '网站')
      .replace(/(网址|网站|链接)[:：]?网站/g, '网站')
      .replace(/\*\*|__|`|#+\s/g, '')
      .replace(/^\s*(?:[-*•·]|\d+[.、)]|[（(]\d+[）)])\s*/gm, '')
      .replace(/[【】「」『』《》]/g, '')
      .replace(/[“”"]/g, '')
      // A heading line (各事项咨询：) runs on into its list.
      .replace(/[:：]\s*\n+/g, '：')
      // Short asides are dropped (户籍（户口）是否在本省（办理地） → 户籍是否在本省); longer ones become a pause.
      .replace(/[（(][^（）()]{1,4}[）)]/g, '')
      // A case code is spelt out, letter by letter (K7Q-4MR → K 七 Q，四 M R).
      .replace(/\b([A-Z0-9]{3})-([A-Z0-9]{3})\b/g, (_, a: string, b: string) =>
        [a, b].map((part) => [...part].map((c) => digitsSingly(c)).join(' ')).join('，'),
      )
  );
}

/** Dates, times, percentages and ranges first: their digits are not codes. */
function spokenDatesAndTimes(text: string): string {
  return text
    .replace(/最多跑\s*0\s*次/g, '一次都不用跑')
    .replace(/跑\s*0\s*次/g, '不用跑')
    .replace(/(\d{1,2}[:：]\d{2})\s*[-~～]\s*(?=\d{1,2}[:：]\d{2})/g, '$1至')
    .replace(/(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/g, (_, y, m, d) => {
      return `${yearSpoken(y)}年${quantitySpoken(Number(m))}月${quantitySpoken(Number(d))}日`;
    })
    .replace(/(\d{4})\s*年/g, (_, y) => `${yearSpoken(y)}年`)
    .replace(
      /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g,
      (_, m, d) => `${quantitySpoken(Number(m))}月${quantitySpoken(Number(d))}日`,
    )
    .replace(/(?<!\d)(\d{1,2})[:：](\d{2})(?!\d)/g, (_, h, m) =>
      m === '00'
        ? `${quantitySpoken(Number(h))}点`
        : `${quantitySpoken(Number(h))}点${quantitySpoken(Number(m))}分`,
    )
    .replace(
      /(\d+(?:\.\d+)?)\s*%/g,
      (_, n) => `百分之${n.includes('.') ? decimalSpoken(n) : quantitySpoken(Number(n))}`,
    )
    .replace(/(\d+)\s*[-~～至到]\s*(\d+)(?=\s*(?:个|天|日|份|岁|元|次|小时|分钟|周))/g, '$1至$2');
}

/** Quantities before a measure word as numbers, then whatever digits are left, one by one. */
function spokenNumbers(text: string): string {
  return (
    text
      .replace(new RegExp(`(?<![\\dA-Za-z])(\\d+\\.\\d+)\\s*(?=${MEASURE})`, 'g'), (_, n) => decimalSpoken(n))
      // Up to four digits before a measure word; longer runs (12345个人…) are numbers to dial, except money and area.
      .replace(/(?<![\dA-Za-z])(\d{5,8})\s*(?=元|块|万|平方米|平米|公里)/g, (_, n) =>
        quantitySpoken(Number(n)),
      )
      .replace(new RegExp(`(?<![\\dA-Za-z])(\\d{1,4})\\s*(?=(${MEASURE}))`, 'g'), (_, n, measure) =>
        countSpoken(Number(n), measure),
      )
      // A dash inside a phone number (0731-88665266) is a pause.
      .replace(/(\d)\s*-\s*(?=\d)/g, '$1，')
      .replace(/\d{5,}[\dXx]?|\d+/g, (run) => grouped(run))
  );
}

/** Line breaks and semicolons as full stops, brackets as commas, doubled punctuation merged. */
function tidyPauses(text: string): string {
  return text
    .replace(/\s*[；;]\s*/g, '。')
    .replace(/\s*\n+\s*/g, '。')
    .replace(/[（(]\s*/g, '，')
    .replace(/\s*[）)]/g, '，')
    .replace(/\s*\/\s*/g, '或')
    .replace(/，([。！？，、：])/g, '$1')
    .replace(/[：:]\s*。/g, '。')
    .replace(/([。！？])[，、。]+/g, '$1')
    .replace(/^[，。、\s]+/, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Long digit runs in the groups people read them in: a mobile 3-4-4, an ID number 6-8-4, others by four. */
function grouped(run: string): string {
  const sizes =
    run.length === 11 && run.startsWith('1')
      ? [3, 4, 4]
      : run.length === 18
        ? [6, 8, 4]
        : run.length > 6
          ? Array.from({ length: Math.ceil(run.length / 4) }, () => 4)
          : [run.length];
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= run.length) break;
    groups.push(digitsSingly(run.slice(at, at + size)));
    at += size;
  }
  return groups.join('，');
}

/** The text as short sentences, each ending in 。！or？; long ones cut at a comma near the middle. */
export function shortSentences(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(/[^。！？]+[。！？]?/g) ?? []) {
    const sentence = raw.trim();
    if (!sentence || /^[，、。！？\s]+$/.test(sentence)) continue;
    out.push(...cut(sentence));
  }
  return out.map((s) => (/[。！？]$/.test(s) ? s : `${s.replace(/[，、]$/, '')}。`));
}

function cut(sentence: string): string[] {
  if ([...sentence].length <= MAX_SENTENCE) return [sentence];
  const clauses = sentence.split(/(?<=[，、：:])/);
  const out: string[] = [];
  let current = '';
  for (const clause of clauses) {
    // A stub of a few characters (问：) stays with what follows it.
    if ([...current].length >= 6 && [...current].length + [...clause].length > MAX_SENTENCE) {
      out.push(`${current.replace(/[，、：:]$/, '')}。`);
      current = '';
    }
    current += clause;
  }
  if (current) out.push(current);
  // A clause that is long by itself is left whole: cutting mid-phrase is worse than a long sentence.
  return out;
}

/** Ready to say: listening text in short sentences, joined. */
export function forListening(text: string): string {
  return shortSentences(listeningText(text)).join('');
}
