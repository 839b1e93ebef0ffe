import { join } from 'node:path';
import { build } from 'esbuild';

const SRC = join(import.meta.dirname, '..', '..', 'widget', 'src');

export interface WidgetAssets {
  /** The loader portal pages include (`/widget.js`). */
  loader: string;
  /** The chat app in the iframe (`/widget/chat.js`, `/widget/chat.css`). */
  chatJs: string;
  chatCss: string;
  /** The hotline agent's console (`/copilot/app.js`, `/copilot/app.css`). */
  copilotJs: string;
  copilotCss: string;
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
  const css = (file: string) =>
    build({ ...common, entryPoints: [join(SRC, file)], loader: { '.css': 'css' } });
  const [loader, chat, chatCss, copilot, copilotCss] = await Promise.all([
    build({ ...common, entryPoints: [join(SRC, 'loader', 'loader.ts')], format: 'iife' }),
    build({ ...common, entryPoints: [join(SRC, 'chat', 'main.ts')], format: 'iife' }),
    css('chat/chat.css'),
    build({ ...common, entryPoints: [join(SRC, 'copilot', 'main.ts')], format: 'iife' }),
    css('copilot/copilot.css'),
  ]);
  const text = (r: { outputFiles?: { text: string }[] }) => r.outputFiles?.[0]?.text ?? '';
  return {
    loader: text(loader),
    chatJs: text(chat),
    chatCss: text(chatCss),
    copilotJs: text(copilot),
    copilotCss: text(copilotCss),
  };
}
