import * as OpenCC from 'opencc-js';

// OpenCC's Taiwan/Hong Kong → mainland tables are the maintained way to fold traditional characters.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Folds a user's text to the form the catalog is written in: NFKC (full-width letters, digits and
 * punctuation to half-width), traditional to simplified characters, lowercase, collapsed whitespace.
 * @example normalizeText('寶寶剛出生，ＡＢＣ') // '宝宝刚出生,abc'
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}
