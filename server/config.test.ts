import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('config', () => {
  it('uses embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: 'data', LOG_LEVEL: 'info' });
    expect(config.OPENAI_API_KEY).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('treats empty optional URLs as unset', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('adds 敏感词 from SENSITIVE_WORDS and SENSITIVE_WORDS_FILE to the built-in list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yishi-words-'));
    const file = join(dir, 'words.txt');
    writeFileSync(file, '# local list\n某某词\n\n另一词\n');
    const config = loadConfig({ SENSITIVE_WORDS: '自定义词, ＡＢＣ', SENSITIVE_WORDS_FILE: file });
    expect(config.sensitiveWords).toEqual(expect.arrayContaining(['自定义词', 'abc', '某某词', '另一词']));
    expect(config.sensitiveWords.length).toBeGreaterThan(4);
    expect(() => loadConfig({ SENSITIVE_WORDS_FILE: join(dir, 'missing.txt') })).toThrow(
      /SENSITIVE_WORDS_FILE/,
    );
  });

  it('reads the LLM settings with their defaults', () => {
    const config = loadConfig({});
    expect(config.LLM_TIMEOUT_MS).toBe(8000);
    expect(config.LLM_JSON_MODE).toBe('json_object');
    expect(config.LLM_INJECTION_CHECK).toBe(true);
    expect(loadConfig({ LLM_INJECTION_CHECK: 'false' }).LLM_INJECTION_CHECK).toBe(false);
  });
});
