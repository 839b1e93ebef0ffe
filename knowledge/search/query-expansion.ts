import { normalizeText } from './normalize.ts';
import { SEARCH_CONFIG } from './search.config.ts';

/** The query, normalized, with the reviewed synonyms of the phrases it contains appended. */
export function expandQuery(query: string): string {
  const normalized = normalizeText(query);
  const extra = Object.entries(SEARCH_CONFIG.chunks.synonyms).flatMap(([phrase, alternatives]) =>
    normalized.includes(phrase) ? alternatives : [],
  );
  return extra.length > 0 ? `${normalized} ${[...new Set(extra)].join(' ')}` : normalized;
}
