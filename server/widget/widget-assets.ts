import { join } from 'node:path';
import { build } from 'esbuild';

const SRC = join(import.meta.dirname, '..', '..', 'widget', 'src');

export interface WidgetAssets {
  /** The loader portal pages include (`/widget.js`). */
  loader: string;
  /** The chat app in the iframe (`/widget/chat.js`, `/widget/chat.css`). */
  chatJs: string;
  chatCss: string;
}

let built: Promise<WidgetAssets> | undefined;

/**
 * The widget's bundles, built once per process with esbuild (the maintained, fast bundler: ~100 ms, no separate
 * build step, so `npm install && npm start` keeps working) and kept in memory.
 */
export function widgetAssets(): Promise<WidgetAssets> {
  built ??= buildWidget();
  return built;
}

async function buildWidget(): Promise<WidgetAssets> {
  const common = {
    bundle: true,
    minify: true,
    write: false,
    target: 'es2020',
    legalComments: 'none',
  } as const;
  const [loader, chat] = await Promise.all([
    build({ ...common, entryPoints: [join(SRC, 'loader', 'loader.ts')], format: 'iife' }),
    build({ ...common, entryPoints: [join(SRC, 'chat', 'main.ts')], format: 'iife' }),
  ]);
  const css = await build({
    ...common,
    entryPoints: [join(SRC, 'chat', 'chat.css')],
    loader: { '.css': 'css' },
  });
  const text = (r: { outputFiles?: { text: string }[] }) => r.outputFiles?.[0]?.text ?? '';
  return { loader: text(loader), chatJs: text(chat), chatCss: text(css) };
}
