import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { YishiError } from '../../knowledge/yishi-error.ts';

export const PROMPTS_DIR = join(import.meta.dirname, '..', '..', 'prompts');

/**
 * Every prompt and the variables it takes. The file must declare exactly these; the code that renders it
 * must pass exactly these (TypeScript checks the names, `renderPrompt` checks they are strings).
 */
export const PROMPT_VARIABLES = {
  'citizen-answer': ['question', 'history', 'bundle', 'draft', 'passages'],
  'copilot-suggestion': ['caller', 'history', 'bundle', 'draft', 'passages'],
  'voice-answer': ['question', 'bundle', 'draft'],
  understanding: ['message', 'history', 'focus', 'bundles', 'facts', 'intents'],
  'form-extraction': ['message', 'fields'],
  rephrase: ['message', 'history', 'bundle'],
  'injection-check': ['message'],
} as const;

export type PromptName = keyof typeof PROMPT_VARIABLES;
export type PromptVariables<N extends PromptName> = Record<(typeof PROMPT_VARIABLES)[N][number], string>;

const PromptFile = z.strictObject({
  id: z.string().min(1),
  /** Bumped on every change of wording; recorded with each model call. */
  version: z.number().int().positive(),
  description: z.string().min(1),
  /** Variable name → what it holds. */
  variables: z.record(z.string(), z.string().min(1)),
  system: z.string().min(1),
  user: z.string().min(1),
});
export type PromptFile = z.infer<typeof PromptFile>;

export interface RenderedPrompt {
  id: PromptName;
  version: number;
  system: string;
  user: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w]*)\s*\}\}/g;
const cache = new Map<string, PromptFile>();

/** Reads and checks `prompts/<name>.yaml`; a missing file, a bad field or a variable mismatch throws. */
export function loadPrompt(name: PromptName, dir = PROMPTS_DIR): PromptFile {
  const path = join(dir, `${name}.yaml`);
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) throw new YishiError('not_found', 'prompt', `prompt ${name} is missing (${path})`);
  const parsed = PromptFile.safeParse(YAML.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new YishiError('invalid', 'prompt', `prompt ${name}: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  const file = parsed.data;
  if (file.id !== name) throw new YishiError('invalid', 'prompt', `prompt ${name} declares id ${file.id}`);
  const expected = [...(PROMPT_VARIABLES[name] as readonly string[])].sort();
  const declared = Object.keys(file.variables).sort();
  if (expected.join() !== declared.join())
    throw new YishiError(
      'invalid',
      'prompt',
      `prompt ${name} declares [${declared}] but the code passes [${expected}]`,
    );
  const used = new Set([...`${file.system}\n${file.user}`.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
  const undeclared = [...used].filter((v) => !declared.includes(v));
  const unused = declared.filter((v) => !used.has(v));
  if (undeclared.length || unused.length)
    throw new YishiError(
      'invalid',
      'prompt',
      `prompt ${name}: undeclared {{${undeclared.join(', ')}}}, unused {{${unused.join(', ')}}}`,
    );
  cache.set(path, file);
  return file;
}

/** Fills a prompt's placeholders; every variable must be given (an empty string is allowed). */
export function renderPrompt<N extends PromptName>(
  name: N,
  variables: PromptVariables<N>,
  dir = PROMPTS_DIR,
): RenderedPrompt {
  const file = loadPrompt(name, dir);
  const values: Record<string, unknown> = variables;
  const fill = (template: string) =>
    template.replace(PLACEHOLDER, (_, key: string) => {
      const value = values[key];
      if (typeof value !== 'string')
        throw new YishiError('invalid', 'prompt', `prompt ${name}: variable ${key} is not given`);
      return value;
    });
  return { id: name, version: file.version, system: fill(file.system).trim(), user: fill(file.user).trim() };
}

/** The fixed lines of every prompt (placeholders removed): what must never appear in a reply. */
export function promptLines(dir = PROMPTS_DIR): string[] {
  return (Object.keys(PROMPT_VARIABLES) as PromptName[]).flatMap((name) => {
    const file = loadPrompt(name, dir);
    return `${file.system}\n${file.user}`
      .split('\n')
      .map((l) =>
        l
          .replace(PLACEHOLDER, '')
          .replace(/^[-*#\s]+/, '')
          .trim(),
      )
      .filter((l) => l.length >= 16);
  });
}
