import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { pinyin } from 'pinyin-pro';
import { normalizeText } from '../search/normalize.ts';

export interface HashedNgramOptions extends EmbeddingsParams {
  /** Vector size. */
  dimensions?: number;
  /** Character n-gram sizes. */
  ngrams?: readonly number[];
  /** Add toneless pinyin syllable bigrams, so IME homophone typos (注消/注销) still meet. */
  pinyin?: boolean;
}

/** What the embedding learnt from its corpus: document frequencies of hashed features. */
export interface HashedNgramState {
  dimensions: number;
  documents: number;
  df: number[];
}

const HAN_OR_WORD = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * The embedded default embedding: TF-IDF-weighted character n-grams (and pinyin bigrams) hashed into a fixed
 * dimension with a sign hash, L2-normalized. It needs no weights to download; `fit` learns IDF from the catalog.
 * It captures surface similarity — shared characters, partial words, homophones, traditional/simplified (via
 * normalization) — but not meaning: 去世 and 过世 are close only through 世, 走了 is not near either.
 * See docs/adr/0006-local-embedding.md.
 */
export class HashedNgramEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly ngrams: readonly number[];
  private readonly usePinyin: boolean;
  private idf: Float32Array;

  constructor(options: HashedNgramOptions = {}) {
    super(options);
    this.dimensions = options.dimensions ?? 1024;
    this.ngrams = options.ngrams ?? [1, 2, 3];
    this.usePinyin = options.pinyin ?? true;
    this.idf = new Float32Array(this.dimensions).fill(1);
  }

  /** Learns IDF over a corpus (the catalog's chunks); without it every feature weighs the same. */
  fit(texts: readonly string[]): HashedNgramState {
    const df = new Array<number>(this.dimensions).fill(0);
    for (const text of texts)
      for (const slot of new Set(this.features(text).map((f) => f.slot))) df[slot] = (df[slot] ?? 0) + 1;
    const state = { dimensions: this.dimensions, documents: texts.length, df };
    this.load(state);
    return state;
  }

  load(state: HashedNgramState): void {
    if (state.dimensions !== this.dimensions) throw new Error('embedding state has another dimension');
    this.idf = Float32Array.from(state.df, (d) => Math.log((1 + state.documents) / (1 + d)) + 1);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  /** Synchronous embedding, for building indexes without awaiting per text. */
  embed(text: string): number[] {
    const tf = new Map<number, { count: number; sign: number }>();
    for (const { slot, sign } of this.features(text)) {
      const e = tf.get(slot);
      if (e) e.count += 1;
      else tf.set(slot, { count: 1, sign });
    }
    const v = new Array<number>(this.dimensions).fill(0);
    let norm = 0;
    for (const [slot, { count, sign }] of tf) {
      const w = (1 + Math.log(count)) * (this.idf[slot] ?? 1) * sign;
      v[slot] = (v[slot] ?? 0) + w;
    }
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    return norm > 0 ? v.map((x) => x / norm) : v;
  }

  private features(text: string): { slot: number; sign: number }[] {
    const chars = [...normalizeText(text)].filter((c) => HAN_OR_WORD.test(c));
    const out: { slot: number; sign: number }[] = [];
    for (const n of this.ngrams) {
      for (let i = 0; i + n <= chars.length; i++)
        out.push(this.hash(`c${n}:${chars.slice(i, i + n).join('')}`));
    }
    if (this.usePinyin && chars.length > 1) {
      const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', nonZh: 'spaced' });
      for (let i = 0; i + 1 < syllables.length; i++)
        out.push(this.hash(`p:${syllables[i]} ${syllables[i + 1]}`));
    }
    return out;
  }

  /** FNV-1a 32-bit: the slot from the low bits, the sign from the top bit. */
  private hash(feature: string): { slot: number; sign: number } {
    let h = 0x811c9dc5;
    for (let i = 0; i < feature.length; i++) {
      h ^= feature.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return { slot: h % this.dimensions, sign: h & 0x80000000 ? -1 : 1 };
  }
}
