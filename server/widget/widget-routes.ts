import { Router } from 'express';
import { COPILOT_PAGE } from './copilot-page.ts';
import { widgetAssets } from './widget-assets.ts';

/**
 * The embeddable widget: `/widget.js` (the loader portal pages include), `/widget/chat` (the chat page in the
 * iframe) and its script and style. Only yishi itself and the configured portal origins may frame the chat
 * (`frame-ancestors`); the chat talks over postMessage only to the host origin it was opened for, if allowed.
 */
export function widgetRoutes(portalOrigins: readonly string[]): Router {
  const router = Router();
  const ancestors = ["'self'", ...portalOrigins].join(' ');

  router.get('/widget.js', async (_req, res) => {
    res.type('application/javascript').set('cache-control', 'public, max-age=300');
    res.send((await widgetAssets()).loader);
  });
  router.get('/widget/chat.js', async (_req, res) => {
    res.type('application/javascript').set('cache-control', 'public, max-age=300');
    res.send((await widgetAssets()).chatJs);
  });
  router.get('/widget/chat.css', async (_req, res) => {
    res.type('text/css').set('cache-control', 'public, max-age=300');
    res.send((await widgetAssets()).chatCss);
  });
  // The hotline agent's console: same-origin only, never framed.
  router.get('/copilot', (_req, res) => {
    res
      .set(
        'content-security-policy',
        "frame-ancestors 'none'; default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'",
      )
      .set('x-content-type-options', 'nosniff')
      .set('referrer-policy', 'no-referrer')
      .type('html')
      .send(COPILOT_PAGE);
  });
  router.get('/copilot/app.js', async (_req, res) => {
    res.type('application/javascript').set('cache-control', 'no-cache');
    res.send((await widgetAssets()).copilotJs);
  });
  router.get('/copilot/app.css', async (_req, res) => {
    res.type('text/css').set('cache-control', 'no-cache');
    res.send((await widgetAssets()).copilotCss);
  });
  router.get('/widget/chat', (req, res) => {
    const lang = req.query.lang === 'en' ? 'en' : 'zh-CN';
    res
      .set(
        'content-security-policy',
        `frame-ancestors ${ancestors}; default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'`,
      )
      .set('x-content-type-options', 'nosniff')
      .set('referrer-policy', 'no-referrer')
      .type('html')
      .send(`<!doctype html>
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
</html>`);
  });
  return router;
}
