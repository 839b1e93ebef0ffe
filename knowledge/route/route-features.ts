import { pinyin } from 'pinyin-pro';
import { normalizeText } from '../search/normalize.ts';
import { STOPWORDS } from '../search/stopwords.ts';
import type { Tokenizer } from '../search/tokenizer.ts';

const CJK = /^\p{Script=Han}$/u;

export interface FeatureWeights {
  word: number;
  /** Multiplier for one-character words (上, 改, 关 …), which are ambiguous morphemes more than topics. */
  singleChar: number;
  bigram: number;
  pinyin: number;
}

/**
 * The features a routing text is matched on, each with its family weight:
 * - `w:` jieba words (the catalog's terms are in the dictionary);
 * - `b:` Han character bigrams, which survive odd segmentation (上一年级 still shares 年级 with 一年级报名);
 * - `p:` toneless pinyin bigrams, which survive the commonest typo — an IME homophone (注消/注销, 退修/退休).
 * Generic service words (手续, 材料 …) and their bigrams are dropped: they say nothing about which event.
 */
export function routeFeatures(
  text: string,
  tokenizer: Tokenizer,
  generic: ReadonlySet<string>,
  weights: FeatureWeights,
): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string, weight: number) => {
    if (weight > (features.get(key) ?? 0)) features.set(key, weight);
  };
  for (const word of tokenizer.tokens(text)) {
    if (!generic.has(word))
      add(`w:${word}`, [...word].length === 1 ? weights.word * weights.singleChar : weights.word);
  }
  const normalized = normalizeText(text);
  const chars = [...normalized];
  const syllables = pinyin(normalized, { toneType: 'none', type: 'array', nonZh: 'spaced' });
  const genericBigrams = bigramsOf(generic);
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 1] ?? '';
    if (!CJK.test(a) || !CJK.test(b)) continue;
    const bigram = a + b;
    // A bigram through a filler character (想注 in 想|注册, 了要) says nothing about the event.
    if (genericBigrams.has(bigram) || FILLER.has(a) || FILLER.has(b)) continue;
    add(`b:${bigram}`, weights.bigram);
    if (syllables.length === chars.length) add(`p:${syllables[i]} ${syllables[i + 1]}`, weights.pinyin);
  }
  return features;
}

/** Single characters that are function words or generic service words. */
const FILLER = new Set(
  [...STOPWORDS, '想', '要', '办', '把', '给', '让', '个', '些', '啥', '咋', '么', '吧'].filter(
    (w) => [...w].length === 1,
  ),
);

/** Particles that may sit inside a phrase without changing it (公司信息要变更 = 公司信息变更). */
const PARTICLES = new Set([...'了的要想个吗呢啊呀吧哦嘛么', ' ']);

/** The text with particles removed, for matching aliases verbatim. */
export function withoutFiller(text: string): string {
  return [...normalizeText(text)].filter((c) => !PARTICLES.has(c)).join('');
}

const bigramCache = new WeakMap<ReadonlySet<string>, Set<string>>();

function bigramsOf(words: ReadonlySet<string>): Set<string> {
  const cached = bigramCache.get(words);
  if (cached) return cached;
  const out = new Set<string>();
  for (const w of words) {
    const cs = [...w];
    for (let i = 0; i + 1 < cs.length; i++) out.add((cs[i] ?? '') + (cs[i + 1] ?? ''));
  }
  bigramCache.set(words, out);
  return out;
}
