import type { Chunk, ChunkSection } from '../../knowledge/search/chunks.ts';
import type { Tokenizer } from '../../knowledge/search/tokenizer.ts';

const SECTIONS: ChunkSection[] = [
  'overview',
  'conditions',
  'materials',
  'steps',
  'limits',
  'channels',
  'faq',
];

/** A small deterministic PRNG (mulberry32), so every run builds the same synthetic corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` synthetic chunks built from the catalog's own vocabulary, with the words' real frequencies (so BM25
 * and the embedding see realistic term statistics): each is 20–80 words drawn from the catalog chunks.
 */
export function syntheticChunks(real: readonly Chunk[], tokenizer: Tokenizer, n: number, seed = 7): Chunk[] {
  const words = real.flatMap((c) => tokenizer.tokens(c.text));
  const titles = [...new Set(real.map((c) => c.title))];
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const length = 20 + Math.floor(rand() * 60);
    return {
      id: `syn:${i}`,
      title: pick(titles),
      section: pick(SECTIONS),
      text: Array.from({ length }, () => pick(words)).join(''),
      source: 'https://example.invalid/synthetic',
    };
  });
}
