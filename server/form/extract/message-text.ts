/** Holds a space the clause splitter must not split at (a word joiner, not whitespace); a space again in values. */
export const JOINER = '\u2060';

/**
 * The message as values are read from it: as written (黎国樑 stays 黎国樑), with full-width letters and digits folded
 * to ASCII but Chinese punctuation kept (餐饮服务；食品销售), and numbers typed in groups joined.
 */
export function messageText(message: string): string {
  return (
    message
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) - 0xfee0),
      )
      .replace(/\u3000/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/(?<![0-9a-z])[0-9a-z]{18}(?![0-9a-z])/gi, (v) => v.toUpperCase())
      // 430602 1995 0716 4028 is one ID number, typed in groups as on the card.
      .replace(/(?<![\dA-Z])(\d{6})[- ](\d{4})[- ]?(\d{4})[- ]?(\d{3}[\dXx])(?![\dA-Z])/g, '$1$2$3$4')
      // 招商银行长沙分行营业部 6214… (or the account first): a bank and its account stay one clause.
      .replace(/(银行|分行|支行|营业部|农商行|信用社)\s+(\d{12,22})(?!\d)/g, `$1${JOINER}$2`)
      .replace(/(?<!\d)(\d{12,22})\s+(?=\p{Script=Han}{2,14}?(?:银行|农商行|信用社))/gu, `$1${JOINER}`)
      // 135-4872-6190 and 135 4872 6190 are one mobile number.
      .replace(/(?<!\d)(1[3-9]\d)[- ](\d{4})[- ](\d{4})(?!\d)/g, '$1$2$3')
  );
}

/** Clauses split at punctuation and spaces, without empty ones. */
export function clauses(text: string): string[] {
  return text
    .split(/[,，。;；!！?？\n、]|\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
