import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../load/load-catalog.ts';
import { catalogTerms } from '../route/catalog-terms.ts';
import { buildChunks } from './chunks.ts';
import { askedSections } from './hybrid-search.ts';
import { LexicalSearch } from './lexical-search.ts';
import { SectionLookup } from './section-lookup.ts';
import { Tokenizer } from './tokenizer.ts';

const catalog = loadCatalog();
const tokenizer = new Tokenizer(catalogTerms(catalog));
const chunks = buildChunks(catalog);
const lexical = new LexicalSearch(chunks, tokenizer);
const lookup = new SectionLookup(catalog, chunks, tokenizer);
const ask = (q: string) => lookup.candidates(lexical.terms(q), askedSections(q));

describe('askedSections', () => {
  it('reads which part of a guide a question is about from its cue words', () => {
    expect([...askedSections('新生儿落户要带什么材料')]).toEqual(['materials']);
    expect([...askedSections('多久能办好，去哪里办')].sort()).toEqual(['channels', 'limits']);
    expect(askedSections('宝宝户口能跟妈妈吗').size).toBe(0);
  });
});

describe('SectionLookup', () => {
  it('returns the asked section of the matter or bundle the question names', () => {
    expect(ask('出生医学证明办理时限多久')[0]).toMatch(/^(matter|bundle):.*:limits$/);
    const ids = ask('退休手续要准备哪些材料');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.endsWith(':materials'))).toBe(true);
    expect(ids.some((id) => id.includes('retire') || id.includes('pension'))).toBe(true);
  });

  it('finds a matter named with a homophone typo through the corrected terms', () => {
    expect(ask('社保卡挂视去哪里办').some((id) => id.includes('loss-report'))).toBe(true);
  });

  it('offers nothing when the question asks no particular section', () => {
    expect(ask('宝宝刚出生')).toEqual([]);
  });

  it('keeps only chunks the filter allows', () => {
    expect(lookup.candidates(lexical.terms('退休材料'), askedSections('退休材料'), () => false)).toEqual([]);
  });
});
