import type { Catalog } from '../load/catalog.ts';
import { withinRegion } from '../regions/divisions.ts';
import { withDialect } from '../search/query-expansion.ts';
import { SEARCH_CONFIG } from '../search/search.config.ts';
import type { Tokenizer } from '../search/tokenizer.ts';
import { routeFeatures, withoutFiller } from './route-features.ts';

export interface RankedBundle {
  bundleId: string;
  name: string;
  score: number;
  /** The longest alias or name found verbatim in the message, if any. */
  aliasHit?: string;
  /** The strongest features that matched, for explanations and evals. */
  signals: string[];
}

export type RouteDecision =
  | { kind: 'bundle'; bundleId: string; ranked: RankedBundle[] }
  | { kind: 'ambiguous'; candidates: RankedBundle[]; ranked: RankedBundle[] }
  | { kind: 'none'; ranked: RankedBundle[] };

type Field = keyof typeof SEARCH_CONFIG.routing.fields;

/**
 * Decides which 一件事 a message is about. Each bundle has a routing card (name, aliases, member
 * matters, materials); a message scores, per bundle, the sum over its distinct features of
 * field weight × family weight × IDF across bundles, plus a bonus for aliases found verbatim.
 * It refuses to guess: a weak best match is `none`, a close runner-up makes it `ambiguous`.
 * (Why not BM25 here: see docs/adr/0003-routing-refuses-to-guess.md.)
 */
export class BundleRouter {
  private readonly cards: { bundleId: string; features: Map<string, number> }[];
  private readonly idf = new Map<string, number>();
  private readonly phrases: { bundleId: string; phrase: string }[];
  private readonly generic: ReadonlySet<string>;

  constructor(
    private readonly catalog: Catalog,
    private readonly tokenizer: Tokenizer,
  ) {
    this.generic = new Set(SEARCH_CONFIG.routing.genericTerms);
    this.cards = [...catalog.bundles.keys()].map((bundleId) => ({ bundleId, features: this.card(bundleId) }));
    const df = new Map<string, number>();
    for (const card of this.cards) for (const f of card.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    // IDF normalized to [0, 1] by ln N, so thresholds mean the same whatever the number of bundles.
    const n = this.cards.length;
    for (const [f, d] of df) this.idf.set(f, n > 1 ? Math.log(n / d) / Math.log(n) : 0);
    this.phrases = [...catalog.bundles.values()].flatMap((b) =>
      [b.name, b.name.replace(/[“”"]/g, '').replace(/一件事$/, ''), ...b.aliases]
        .map(withoutFiller)
        .filter((p) => [...p].length >= 2)
        .map((phrase) => ({ bundleId: b.id, phrase })),
    );
  }

  /** Ranks bundles for a message; regional bundles only count when `region` lies within their scope. */
  rank(message: string, region?: string): RankedBundle[] {
    const cfg = SEARCH_CONFIG.routing;
    // Dialect words count as their Mandarin forms (堂客生哒 → 妻子 生了); aliases are matched as written.
    const query = routeFeatures(withDialect(message), this.tokenizer, this.generic, cfg.features);
    const text = withoutFiller(message);
    const out: RankedBundle[] = [];
    for (const card of this.cards) {
      const scope = this.catalog.bundles.get(card.bundleId)?.scope;
      if (scope && !(region && withinRegion(region, scope))) continue;
      let score = 0;
      const contributions: [string, number][] = [];
      for (const [feature, familyWeight] of query) {
        const fieldWeight = card.features.get(feature);
        if (fieldWeight === undefined) continue;
        const s = fieldWeight * familyWeight * (this.idf.get(feature) ?? 0);
        if (s <= 0) continue;
        score += s;
        contributions.push([feature, s]);
      }
      const aliasHit = this.phrases
        .filter((p) => p.bundleId === card.bundleId && text.includes(p.phrase))
        .reduce<string | undefined>(
          (best, p) => (p.phrase.length > (best?.length ?? 0) ? p.phrase : best),
          undefined,
        );
      if (aliasHit) score += [...aliasHit].length * cfg.aliasCharBonus;
      if (score <= 0) continue;
      out.push({
        bundleId: card.bundleId,
        name: this.catalog.bundles.get(card.bundleId)?.name ?? card.bundleId,
        score: Math.round(score * 100) / 100,
        ...(aliasHit ? { aliasHit } : {}),
        signals: contributions
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([f]) => f),
      });
    }
    return out.sort((a, b) => b.score - a.score || a.bundleId.localeCompare(b.bundleId));
  }

  route(message: string, region?: string): RouteDecision {
    const cfg = SEARCH_CONFIG.routing;
    const ranked = this.rank(message, region);
    const [best, second] = ranked;
    if (!best || best.score < cfg.minScore) return { kind: 'none', ranked };
    if (second && best.score < second.score * cfg.minRatio) {
      // Close candidates are ambiguous, unless exactly one of them was named by one of its own aliases.
      const close = ranked.filter((r) => r.score * cfg.minRatio > best.score);
      const named = close.filter((r) => r.aliasHit);
      if (named.length === 1 && named[0]) return { kind: 'bundle', bundleId: named[0].bundleId, ranked };
      const candidates = ranked.filter((r) => r.score >= best.score * (1 - cfg.clarifyWithin)).slice(0, 3);
      return { kind: 'ambiguous', candidates, ranked };
    }
    return { kind: 'bundle', bundleId: best.bundleId, ranked };
  }

  /** A bundle's routing features, each with the weight of the strongest field it occurs in. */
  private card(bundleId: string): Map<string, number> {
    const b = this.catalog.bundles.get(bundleId);
    if (!b) throw new Error(`unknown bundle ${bundleId}`);
    const cfg = SEARCH_CONFIG.routing;
    const fields: Record<Field, string[]> = {
      name: [b.name],
      aliases: b.aliases,
      matters: [],
      materials: [],
    };
    for (const bm of b.matters) {
      const m = this.catalog.matters.get(bm.id);
      if (!m) continue;
      fields.matters.push(m.name, ...m.aliases, ...(m.result ? [m.result] : []));
      for (const use of m.materials) fields.materials.push(this.catalog.materials.get(use.ref)?.name ?? '');
    }
    const features = new Map<string, number>();
    for (const [field, texts] of Object.entries(fields) as [Field, string[]][]) {
      for (const text of texts) {
        // Card features keep the field weight; the family weight is applied once, on the query side.
        for (const f of routeFeatures(text, this.tokenizer, this.generic, cfg.features).keys()) {
          const w = cfg.fields[field];
          if (w > (features.get(f) ?? 0)) features.set(f, w);
        }
      }
    }
    return features;
  }
}
