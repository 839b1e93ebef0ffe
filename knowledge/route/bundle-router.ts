import MiniSearch from 'minisearch';
import type { Catalog } from '../load/catalog.ts';
import { normalizeText } from '../search/normalize.ts';
import { SEARCH_CONFIG } from '../search/search.config.ts';
import type { Tokenizer } from '../search/tokenizer.ts';

export interface RankedBundle {
  bundleId: string;
  name: string;
  score: number;
  /** The longest alias or name found verbatim in the message, if any. */
  aliasHit?: string;
}

export type RouteDecision =
  | { kind: 'bundle'; bundleId: string; ranked: RankedBundle[] }
  | { kind: 'ambiguous'; candidates: RankedBundle[]; ranked: RankedBundle[] }
  | { kind: 'none'; ranked: RankedBundle[] };

interface Card {
  id: string;
  name: string;
  aliases: string;
  matters: string;
  materials: string;
}

/**
 * Decides which 一件事 a message is about: BM25 (MiniSearch with the jieba tokenizer) over one routing
 * card per bundle — name, aliases, member matters, materials — plus a bonus for aliases found verbatim.
 * It refuses to guess: a weak best match is `none`, a close runner-up makes it `ambiguous`.
 */
export class BundleRouter {
  private readonly index: MiniSearch<Card>;
  private readonly phrases: { bundleId: string; phrase: string }[];

  constructor(
    private readonly catalog: Catalog,
    private readonly tokenizer: Tokenizer,
  ) {
    this.index = new MiniSearch<Card>({
      fields: ['name', 'aliases', 'matters', 'materials'],
      tokenize: (text) => this.tokenizer.tokens(text),
      processTerm: (term) => term,
    });
    this.index.addAll([...catalog.bundles.values()].map((b) => this.card(b.id)));
    this.phrases = [...catalog.bundles.values()].flatMap((b) =>
      [b.name, b.name.replace(/一件事$/, ''), ...b.aliases]
        .map(normalizeText)
        .filter((p) => p.length >= 2)
        .map((phrase) => ({ bundleId: b.id, phrase })),
    );
  }

  rank(message: string): RankedBundle[] {
    const cfg = SEARCH_CONFIG.routing;
    const text = normalizeText(message);
    const scores = new Map<string, number>();
    for (const hit of this.index.search(text, { boost: cfg.boost, combineWith: 'OR' })) {
      scores.set(String(hit.id), hit.score);
    }
    const hits = new Map<string, string>();
    for (const { bundleId, phrase } of this.phrases) {
      if (text.includes(phrase) && phrase.length > (hits.get(bundleId)?.length ?? 0))
        hits.set(bundleId, phrase);
    }
    for (const [bundleId, phrase] of hits) {
      scores.set(bundleId, (scores.get(bundleId) ?? 0) + phrase.length * cfg.aliasCharBonus);
    }
    return [...scores.entries()]
      .map(([bundleId, score]): RankedBundle => {
        const aliasHit = hits.get(bundleId);
        return {
          bundleId,
          name: this.catalog.bundles.get(bundleId)?.name ?? bundleId,
          score,
          ...(aliasHit ? { aliasHit } : {}),
        };
      })
      .sort((a, b) => b.score - a.score || a.bundleId.localeCompare(b.bundleId));
  }

  route(message: string): RouteDecision {
    const cfg = SEARCH_CONFIG.routing;
    const ranked = this.rank(message);
    const [best, second] = ranked;
    if (!best || best.score < cfg.minScore) return { kind: 'none', ranked };
    if (second && best.score < second.score * cfg.minRatio) {
      const candidates = ranked.filter((r) => r.score >= best.score * (1 - cfg.clarifyWithin)).slice(0, 3);
      return { kind: 'ambiguous', candidates, ranked };
    }
    return { kind: 'bundle', bundleId: best.bundleId, ranked };
  }

  private card(bundleId: string): Card {
    const b = this.catalog.bundles.get(bundleId);
    if (!b) throw new Error(`unknown bundle ${bundleId}`);
    const matters = b.matters.flatMap((bm) => {
      const m = this.catalog.matters.get(bm.id);
      return m ? [m.name, ...m.aliases, ...(m.result ? [m.result] : [])] : [];
    });
    const materials = b.matters.flatMap((bm) =>
      (this.catalog.matters.get(bm.id)?.materials ?? []).map(
        (u) => this.catalog.materials.get(u.ref)?.name ?? '',
      ),
    );
    return {
      id: b.id,
      name: b.name,
      aliases: b.aliases.join('\n'),
      matters: matters.join('\n'),
      materials: [...new Set(materials)].join('\n'),
    };
  }
}
