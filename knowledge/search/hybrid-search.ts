import type { Embeddings } from '@langchain/core/embeddings';
import type { DenseIndex } from '../embed/dense-index.ts';
import { regionChain } from '../regions/divisions.ts';
import type { Chunk, ChunkSection } from './chunks.ts';
import type { LexicalSearch, SearchHit, SearchOptions } from './lexical-search.ts';
import { normalizeText } from './normalize.ts';
import { SEARCH_CONFIG } from './search.config.ts';
import type { SectionLookup } from './section-lookup.ts';

/** Why a hit ranks where it does. */
export interface HitSignals {
  rrf: number;
  bm25?: { rank: number; score: number };
  dense?: { rank: number; cosine: number };
  /** Rank in the structured lookup (the asked section of a bundle or matter the question names). */
  lookup?: { rank: number };
  sectionWeight: number;
  /** Multiplier when the question asks about this chunk's section (多久 → limits). */
  sectionIntent: number;
  authority: number;
}

export interface HybridHit extends SearchHit {
  signals: HitSignals;
}

/**
 * Hybrid retrieval: BM25 (MiniSearch + jieba) and dense (embeddings + HNSW) candidates fused by reciprocal
 * rank, then weighted by chunk section and authority. A hit needs real lexical or dense evidence; when none
 * has, the result is empty — "nothing relevant", which the answer pipeline turns into `no_answer`.
 */
export class HybridSearch {
  constructor(
    private readonly lexical: LexicalSearch,
    private readonly dense: DenseIndex,
    private readonly embeddings: Embeddings,
    private readonly isImported: (chunk: Chunk) => boolean = () => false,
    private readonly lookup?: SectionLookup,
  ) {}

  async search(query: string, options: SearchOptions = {}): Promise<HybridHit[]> {
    const cfg = SEARCH_CONFIG.hybrid;
    const allow = this.filter(options);
    const terms = this.lexical.terms(query);
    const lexical = this.lexical.rank(terms, cfg.candidates, allow);
    const vector = await this.embeddings.embedQuery(query);
    const dense = this.dense.search(vector, cfg.candidates, allow);
    const wanted = askedSections(query);
    const looked = this.lookup?.candidates(terms, wanted, allow) ?? [];

    const fused = new Map<string, HitSignals>();
    const add = (id: string, rank: number, weight: number): HitSignals => {
      let e = fused.get(id);
      if (!e) {
        e = { rrf: 0, sectionWeight: 1, sectionIntent: 1, authority: 1 };
        fused.set(id, e);
      }
      e.rrf += weight / (cfg.rrfK + rank);
      return e;
    };
    lexical.forEach((h, i) => {
      add(h.id, i + 1, cfg.weights.lexical).bm25 = { rank: i + 1, score: round(h.score) };
    });
    dense.forEach((h, i) => {
      add(h.id, i + 1, cfg.weights.dense).dense = { rank: i + 1, cosine: round(h.cosine) };
    });
    looked.forEach((id, i) => {
      add(id, i + 1, cfg.weights.lookup).lookup = { rank: i + 1 };
    });

    // A candidate found by one side only still has a score on the other: the gate weighs both.
    const cosines = this.dense.cosinesOf(
      vector,
      [...fused].filter(([, s]) => !s.dense).map(([id]) => id),
    );
    const evidence = (id: string, s: HitSignals) => ({
      bm25: s.bm25?.score ?? this.lexical.scoreOf(terms, id),
      cosine: s.dense?.cosine ?? cosines.get(id) ?? 0,
    });
    const gate = options.within ? cfg.focusedGate : cfg.gate;
    return this.weigh(fused, evidence, wanted, options.k ?? 5, gate);
  }

  /** Relevant candidates weighted by section, asked section and authority; the best k as hits. */
  private weigh(
    fused: Map<string, HitSignals>,
    evidence: (id: string, signals: HitSignals) => { bm25: number; cosine: number },
    wanted: ReadonlySet<ChunkSection>,
    k: number,
    gate: Gate,
  ): HybridHit[] {
    const cfg = SEARCH_CONFIG.hybrid;
    // Score light entries first; build hit objects only for the k that are returned.
    const scored: { chunk: Chunk; signals: HitSignals; score: number }[] = [];
    for (const [id, signals] of fused) {
      const chunk = this.lexical.chunk(id);
      if (!chunk || !relevant(evidence(id, signals), gate)) continue;
      signals.sectionWeight = SEARCH_CONFIG.chunks.sectionWeight[chunk.section];
      signals.sectionIntent = wanted.has(chunk.section) ? cfg.sectionIntentBoost : 1;
      signals.authority = this.isImported(chunk) ? cfg.authority.imported : cfg.authority.authored;
      scored.push({
        chunk,
        signals,
        score: signals.rrf * signals.sectionWeight * signals.sectionIntent * signals.authority,
      });
    }
    scored.sort((a, b) => b.score - a.score);
    return scored
      .slice(0, k)
      .map(({ chunk, signals, score }) => ({ ...chunk, score: Math.round(score * 1e5) / 1e5, signals }));
  }

  /** Whether any chunk belongs to a region; without any, an unfiltered search needs no filter callback. */
  private get hasRegional(): boolean {
    this.regional ??= this.lexical.hasRegionalChunks();
    return this.regional;
  }

  private regional: boolean | undefined;

  private filter(options: SearchOptions): ((id: string) => boolean) | undefined {
    const regions = options.region ? regionChain(options.region) : undefined;
    if (!options.within && !regions) {
      // Filter callbacks cross from native HNSW into JS for every visited node: only pay when needed.
      return this.hasRegional ? (id) => this.lexical.chunk(id)?.region === undefined : undefined;
    }
    return (id) => {
      const c = this.lexical.chunk(id);
      if (!c) return false;
      if (options.within && !options.within.has(c.bundleId ?? c.matterId ?? '')) return false;
      return c.region === undefined || (regions?.includes(c.region) ?? false);
    };
  }
}

/**
 * Whether a candidate has real evidence: a strong lexical or dense match alone, or both sides agreeing on a
 * moderate one.
 */
type Gate = { strongBm25: number; strongCosine: number; bm25: number; cosine: number };

function relevant({ bm25, cosine }: { bm25: number; cosine: number }, gate: Gate): boolean {
  return (
    bm25 >= gate.strongBm25 || cosine >= gate.strongCosine || (bm25 >= gate.bm25 && cosine >= gate.cosine)
  );
}

/** The guide sections a question asks about, from its cue words. */
export function askedSections(query: string): Set<ChunkSection> {
  const text = normalizeText(query);
  const out = new Set<ChunkSection>();
  for (const [section, cues] of Object.entries(SEARCH_CONFIG.hybrid.sectionCues))
    if (cues.some((c) => text.includes(c))) out.add(section as ChunkSection);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
