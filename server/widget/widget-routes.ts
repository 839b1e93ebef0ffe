import { type Response, Router } from 'express';
import { COPILOT_PAGE } from './copilot-page.ts';
import { type WidgetAssets, widgetAssets } from './widget-assets.ts';

const ASSETS: [path: string, type: string, part: keyof WidgetAssets][] = [
  ['/widget.js', 'application/javascript', 'loader'],
  ['/widget/chat.js', 'application/javascript', 'chatJs'],
  ['/widget/chat.css', 'text/css', 'chatCss'],
  ['/copilot/app.js', 'application/javascript', 'copilotJs'],
  ['/copilot/app.css', 'text/css', 'copilotCss'],
];

/** A page of yishi's own: strict CSP (scripts and styles from yishi only), framed only by `ancestors`. */
function page(res: Response, ancestors: string, html: string): void {
  res
    .set(
      'content-security-policy',
      `frame-ancestors ${ancestors}; default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'`,
    )
    .set('x-content-type-options', 'nosniff')
    .set('referrer-policy', 'no-referrer')
    .type('html')
    .send(html);
}

/**
 * The embeddable widget: `/widget.js` (the loader portal pages include), `/widget/chat` (the chat page in the
 * iframe) and its script and style. Only yishi itself and the configured portal origins may frame the chat
 * (`frame-ancestors`); the chat talks over postMessage only to the host origin it was opened for, if allowed.
 */
export function widgetRoutes(portalOrigins: readonly string[]): Router {
  const router = Router();
  const ancestors = ["'self'", ...portalOrigins].join(' ');

  for (const [path, type, part] of ASSETS)
    router.get(path, async (_req, res) => {
      res.type(type).set('cache-control', 'public, max-age=300');
      res.send((await widgetAssets())[part]);
    });
  // The hotline agent's console: same-origin only, never framed.
  router.get('/copilot', (_req, res) => page(res, "'none'", COPILOT_PAGE));
  router.get('/widget/chat', (req, res) => {
    const lang = req.query.lang === 'en' ? 'en' : 'zh-CN';
    page(
      res,
      ancestors,
      `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="yishi-hosts" content="${portalOrigins.join(' ')}">
<title>${lang === 'en' ? 'Yishi' : '一事 智能导办'}</title>
<link rel="stylesheet" href="/widget/chat.css">
</head>
<body>
<div id="app"></div>
<script src="/widget/chat.js" defer></script>
</body>
</html>`,
    );
  });
  return router;
}
