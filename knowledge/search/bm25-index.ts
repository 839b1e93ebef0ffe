/**
 * A static BM25 index over typed arrays, scored exactly as MiniSearch scores (BM25+ per field with k1 = 1.2,
 * b = 0.7, δ = 0.5, field boosts summed, the total multiplied by the number of distinct query terms matched)
 * so that the well-kept library stays the reference it is tested against (bm25-index.test.ts).
 *
 * Why not MiniSearch itself at query time: it builds one JS object per matching document and sorts them all;
 * a query of common words (办理, 材料) matches most of a 100,000-chunk corpus, so p99 reached half a second.
 * Here the per-term contribution of every posting is computed once at build time, a query adds them into one
 * reused Float64Array (term at a time) and keeps the top k in a small heap: the same ranking in a few
 * milliseconds (ADR 0007).
 */

export interface Bm25Params {
  k1: number;
  b: number;
  delta: number;
}

export const MINISEARCH_BM25: Bm25Params = { k1: 1.2, b: 0.7, delta: 0.5 };

export interface Bm25Doc {
  /** Terms of each field, in order, repeats kept (term frequency counts). */
  fields: readonly (readonly string[])[];
}

export interface Bm25Match {
  /** Position of the document in the array given to the constructor. */
  doc: number;
  score: number;
}

interface Postings {
  docs: Int32Array;
  /** Σ over fields of boost × BM25+(term, doc, field): the posting's whole contribution for query weight 1. */
  impacts: Float32Array;
}

export class Bm25Index {
  readonly size: number;
  private readonly postings = new Map<string, Postings>();
  private readonly scores: Float64Array;
  private readonly matched: Uint16Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly Bm25Doc[], boosts: readonly number[], params: Bm25Params = MINISEARCH_BM25) {
    this.size = docs.length;
    const fieldCount = boosts.length;
    // A field's length is its number of distinct terms, as MiniSearch counts it.
    const lengths = docs.map((d) => boosts.map((_, f) => new Set(d.fields[f] ?? []).size));
    const avg = boosts.map((_, f) => lengths.reduce((s, l) => s + (l[f] ?? 0), 0) / Math.max(1, docs.length));

    // term → flat list of (doc, field, tf) triples in document order.
    const raw = new Map<string, number[]>();
    docs.forEach((doc, d) => {
      for (let f = 0; f < fieldCount; f++) {
        const tf = new Map<string, number>();
        for (const t of doc.fields[f] ?? []) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, n] of tf) {
          const list = raw.get(t);
          if (list) list.push(d, f, n);
          else raw.set(t, [d, f, n]);
        }
      }
    });

    const { k1, b, delta } = params;
    for (const [term, list] of raw) {
      const fieldDf = new Array<number>(fieldCount).fill(0);
      for (let i = 1; i < list.length; i += 3) {
        const f = list[i] as number;
        fieldDf[f] = (fieldDf[f] ?? 0) + 1;
      }
      const idf = fieldDf.map((df) => Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)));
      const docIds: number[] = [];
      const impacts: number[] = [];
      for (let i = 0; i < list.length; i += 3) {
        const d = list[i] as number;
        const f = list[i + 1] as number;
        const tf = list[i + 2] as number;
        const norm = 1 - b + (b * (lengths[d]?.[f] ?? 0)) / (avg[f] || 1);
        const score = (boosts[f] ?? 1) * (idf[f] ?? 0) * (delta + (tf * (k1 + 1)) / (tf + k1 * norm));
        if (docIds[docIds.length - 1] === d) impacts[impacts.length - 1] = (impacts.at(-1) ?? 0) + score;
        else {
          docIds.push(d);
          impacts.push(score);
        }
      }
      this.postings.set(term, { docs: Int32Array.from(docIds), impacts: Float32Array.from(impacts) });
    }

    this.scores = new Float64Array(docs.length);
    this.matched = new Uint16Array(docs.length);
    this.touched = new Int32Array(docs.length);
  }

  /** Every term of the index. */
  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** The score `search` would give one document (0 when it matches none of the terms). */
  scoreOf(terms: readonly string[], doc: number): number {
    let sum = 0;
    let matched = 0;
    for (const [term, weight] of countTerms(terms)) {
      const p = this.postings.get(term);
      if (!p) continue;
      const at = findDoc(p.docs, doc);
      if (at < 0) continue;
      sum += weight * (p.impacts[at] as number);
      matched += 1;
    }
    return sum * matched;
  }

  /** Number of documents containing the term (in any field). */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /**
   * The k best documents for the query terms (repeats weigh more, as in MiniSearch's OR query), best first;
   * ties go to the earlier document. `allow` is asked only about documents that would enter the top k.
   */
  search(terms: readonly string[], k: number, allow?: (doc: number) => boolean): Bm25Match[] {
    if (k <= 0) return [];
    const weights = countTerms(terms);

    const { scores, matched, touched } = this;
    let count = 0;
    for (const [term, weight] of weights) {
      const p = this.postings.get(term);
      if (!p) continue;
      const { docs, impacts } = p;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        if (matched[d] === 0) touched[count++] = d;
        matched[d] = (matched[d] as number) + 1;
        scores[d] = (scores[d] as number) + weight * (impacts[i] as number);
      }
    }

    const heap = new TopK(k);
    for (let i = 0; i < count; i++) {
      const d = touched[i] as number;
      const score = (scores[d] as number) * (matched[d] as number);
      scores[d] = 0;
      matched[d] = 0;
      if (heap.accepts(score, d) && (!allow || allow(d))) heap.push(score, d);
    }
    return heap.sorted();
  }
}

/** Query terms with their weights: a repeated term counts once per occurrence. */
function countTerms(terms: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const t of terms) weights.set(t, (weights.get(t) ?? 0) + 1);
  return weights;
}

/** Position of a document in a sorted posting list, or -1. */
function findDoc(docs: Int32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = docs[mid] as number;
    if (d === doc) return mid;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A fixed-size min-heap of (score, doc): keeps the k largest scores, ties broken towards the lower doc. */
class TopK {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private n = 0;

  constructor(private readonly k: number) {
    this.docs = new Int32Array(k);
    this.scores = new Float64Array(k);
  }

  /** Whether (score, doc) would be kept. */
  accepts(score: number, doc: number): boolean {
    return this.n < this.k || this.better(score, doc, this.scores[0] as number, this.docs[0] as number);
  }

  push(score: number, doc: number): void {
    if (this.n < this.k) {
      this.scores[this.n] = score;
      this.docs[this.n] = doc;
      this.up(this.n++);
    } else {
      this.scores[0] = score;
      this.docs[0] = doc;
      this.down(0);
    }
  }

  sorted(): Bm25Match[] {
    const out: Bm25Match[] = [];
    for (let i = 0; i < this.n; i++)
      out.push({ doc: this.docs[i] as number, score: this.scores[i] as number });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private better(s1: number, d1: number, s2: number, d2: number): boolean {
    return s1 > s2 || (s1 === s2 && d1 < d2);
  }

  /** Heap order: the worst entry at the root. */
  private worse(i: number, j: number): boolean {
    return this.better(
      this.scores[j] as number,
      this.docs[j] as number,
      this.scores[i] as number,
      this.docs[i] as number,
    );
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i] as number;
    const d = this.docs[i] as number;
    this.scores[i] = this.scores[j] as number;
    this.docs[i] = this.docs[j] as number;
    this.scores[j] = s;
    this.docs[j] = d;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < this.n && this.worse(l, w)) w = l;
      if (r < this.n && this.worse(r, w)) w = r;
      if (w === i) return;
      this.swap(i, w);
      i = w;
    }
  }
}
