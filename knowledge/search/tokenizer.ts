import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from './normalize.ts';
import { STOPWORDS } from './stopwords.ts';

/**
 * Chinese word segmentation for the catalog: jieba's dictionary plus the catalog's own terms (bundle,
 * matter and material names, aliases), so 出生医学证明 or 一件事 stay whole words while search mode
 * still emits their parts (出生, 医学, 证明).
 */
export class Tokenizer {
  private readonly jieba: Jieba;

  constructor(terms: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    const whole = [...new Set([...terms].map(normalizeText))].filter(
      (t) => t.length >= 2 && t.length <= 12 && !/[\s,，、。;；:：()（）]/.test(t),
    );
    // The parts jieba finds in a long catalog term (公积金贷款面签 → 面签) become words too, so search mode
    // still emits them when the whole term is one word.
    const parts = whole
      .filter((t) => t.length > 4)
      .flatMap((t) => this.jieba.cut(t, true))
      .filter((p) => p.length >= 2 && /^\p{Script=Han}+$/u.test(p));
    const lines = [...new Set([...whole, ...parts])].map((t) => `${t} 20000 n`);
    if (lines.length > 0) this.jieba.loadDict(new TextEncoder().encode(lines.join('\n')));
  }

  /** Search-mode tokens of a text, normalized, without punctuation and stopwords, in order (may repeat). */
  tokens(text: string): string[] {
    return this.jieba
      .cutForSearch(normalizeText(text), true)
      .map((t) => t.trim())
      .filter((t) => t.length > 0 && !STOPWORDS.has(t) && /[\p{L}\p{N}]/u.test(t));
  }
}
