import { pinyin } from 'pinyin-pro';
import { normalizeText } from './normalize.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_WORD = /^\p{Script=Han}{2,4}$/u;

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array' });
}

/**
 * IME homophone typos (正信报告 for 征信报告, 社保卡挂视 for 挂失, 个踢户 for 个体户): a window of the query that is
 * not a word of the index but sounds exactly like one that shares a character with it in the same place is
 * taken to mean that word. The lexical side then searches the word as well as what was typed; the dense
 * side already meets such typos through its pinyin features.
 */
export class HomophoneCorrector {
  private readonly vocabulary: ReadonlySet<string>;
  /** Toneless pinyin of a word (syllables joined by spaces) → the index's words that sound like it. */
  private readonly bySound = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    const vocabulary = new Set<string>();
    for (const w of words) {
      if (!HAN_WORD.test(w)) continue;
      vocabulary.add(w);
      const key = syllables(w).join(' ');
      const same = this.bySound.get(key);
      if (same) same.push(w);
      else this.bySound.set(key, [w]);
    }
    this.vocabulary = vocabulary;
  }

  /** Words of the index the query seems to have mistyped, in query order, without repeats. */
  corrections(query: string): string[] {
    const out = new Set<string>();
    for (const run of normalizeText(query).match(HAN_RUN) ?? []) {
      const sound = syllables(run);
      if (sound.length !== run.length) continue; // a character pinyin-pro cannot read
      const spans = this.wordSpans(run);
      for (let size = 4; size >= 2; size--) {
        for (let i = 0; i + size <= run.length; i++) {
          const window = run.slice(i, i + size);
          if (this.vocabulary.has(window)) continue;
          for (const word of this.bySound.get(sound.slice(i, i + size).join(' ')) ?? []) {
            const differing = [...word].flatMap((ch, j) => (ch === window[j] ? [] : [i + j]));
            if (differing.length === size) continue; // nothing in common: a different word that sounds alike
            // A typed character that is part of another real word of the query (注销|时, 能不能) is no typo.
            const inWord = spans.some(
              ([s, e]) => (s !== i || e !== i + size) && differing.some((d) => d >= s && d < e),
            );
            if (!inWord) out.add(word);
          }
        }
      }
    }
    return [...out];
  }

  /** [start, end) of every word of the vocabulary that occurs in the text. */
  private wordSpans(text: string): [number, number][] {
    const spans: [number, number][] = [];
    for (let i = 0; i < text.length; i++)
      for (let size = 2; size <= 4 && i + size <= text.length; size++)
        if (this.vocabulary.has(text.slice(i, i + size))) spans.push([i, i + size]);
    return spans;
  }
}
