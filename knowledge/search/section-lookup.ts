import type { Catalog } from '../load/catalog.ts';
import { Bm25Index } from './bm25-index.ts';
import type { Chunk, ChunkSection } from './chunks.ts';
import { SEARCH_CONFIG } from './search.config.ts';
import type { Tokenizer } from './tokenizer.ts';

interface Owner {
  /** Chunk id prefix: `bundle:<id>` or `matter:<id>`. */
  prefix: string;
}

/**
 * Structured lookup, the third list hybrid search fuses: when a question names a bundle or matter (by name or
 * alias, typos and synonyms included) and asks about one part of its guide (公司注销 + 材料), the chunk of that
 * part is a candidate even when its text is too long or too generic for BM25 or the embedding to rank it.
 */
export class SectionLookup {
  private readonly owners: Owner[] = [];
  private readonly names: Bm25Index;
  private readonly chunkIds: ReadonlySet<string>;

  constructor(catalog: Catalog, chunks: readonly Chunk[], tokenizer: Tokenizer) {
    const docs: { fields: string[][] }[] = [];
    const add = (prefix: string, name: string, aliases: readonly string[]) => {
      this.owners.push({ prefix });
      docs.push({ fields: [tokenizer.tokens(name), aliases.flatMap((a) => tokenizer.tokens(a))] });
    };
    for (const b of catalog.bundles.values()) add(`bundle:${b.id}`, b.name, b.aliases);
    for (const m of catalog.matters.values()) add(`matter:${m.id}`, m.name, m.aliases);
    const { name, aliases } = SEARCH_CONFIG.hybrid.lookup.boost;
    this.names = new Bm25Index(docs, [name, aliases]);
    this.chunkIds = new Set(chunks.map((c) => c.id));
  }

  /**
   * Chunk ids of the asked sections of the bundles and matters the query's terms name best, best first.
   * `allow` filters owners' chunks (region, scope) before the best owners are chosen.
   */
  candidates(
    terms: readonly string[],
    sections: ReadonlySet<ChunkSection>,
    allow?: (id: string) => boolean,
  ): string[] {
    if (sections.size === 0) return [];
    const { owners, minShare } = SEARCH_CONFIG.hybrid.lookup;
    const ranked = this.names.search(terms, owners * 4);
    const best = ranked[0]?.score ?? 0;
    const out: string[] = [];
    let taken = 0;
    for (const { doc, score } of ranked) {
      if (taken >= owners || score < best * minShare) break;
      const prefix = (this.owners[doc] as Owner).prefix;
      const ids = [...sections].map((s) => `${prefix}:${s}`).filter((id) => this.chunkIds.has(id));
      const allowed = allow ? ids.filter(allow) : ids;
      if (allowed.length === 0) continue;
      out.push(...allowed);
      taken += 1;
    }
    return out;
  }
}
