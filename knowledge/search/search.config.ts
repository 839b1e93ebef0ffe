/**
 * Every weight and threshold of lexical search and bundle routing, in one reviewed place.
 * Change them only with an eval run (`npm run eval`) before and after.
 */
export const SEARCH_CONFIG = {
  chunks: {
    /** BM25 field boosts for guide chunks. */
    boost: { title: 2, text: 1 },
    /** Hits below this BM25 score are not returned. */
    minScore: 1,
  },
  routing: {
    /** BM25 field boosts of a bundle's routing card. */
    boost: { name: 3, aliases: 3, matters: 1.5, materials: 0.5 },
    /** Score added per character of an alias (or name) found verbatim in the message. */
    aliasCharBonus: 2,
    /** The best bundle must score at least this to be chosen … */
    minScore: 6,
    /** … and at least this many times the runner-up, or the person is asked which one. */
    minRatio: 1.5,
    /** A runner-up within this fraction of the best is offered when asking. */
    clarifyWithin: 0.5,
  },
} as const;
