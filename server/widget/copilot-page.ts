/** The copilot console's page (/copilot): the layout main.ts fills. Agent-only data comes through the API. */
export const COPILOT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>一事 · 12345 坐席助手</title>
<link rel="stylesheet" href="/copilot/app.css">
</head>
<body>
<header><h1>一事 · 12345 坐席助手</h1><span id="agent-name"></span></header>
<main>
<p id="status" role="status" aria-live="polite"></p>
<section id="signin" class="box" aria-labelledby="signin-title">
  <h2 id="signin-title">坐席登录</h2>
  <button type="button" id="demo-signin">演示坐席登录</button>
  <form id="token-form" aria-label="使用坐席令牌登录">
    <div class="field"><label for="token-input">坐席令牌（JWT）</label><input id="token-input" autocomplete="off"></div>
    <button type="submit">登录</button>
  </form>
</section>
<div id="workspace" hidden>
  <div>
    <section class="box" aria-labelledby="calls-title">
      <h2 id="calls-title">来电</h2>
      <button type="button" id="new-call">新来电</button>
      <form id="join-form" aria-label="用案件码打开来电人的案件">
        <div class="field"><label for="case-code">案件码</label><input id="case-code" autocomplete="off" placeholder="例如 K7Q-4MR"></div>
        <div class="field"><input type="checkbox" id="consent"> <label for="consent" class="inline">来电人已同意坐席查看其案件</label></div>
        <button type="submit">打开案件</button>
      </form>
    </section>
    <section class="box" aria-labelledby="wo-title">
      <h2 id="wo-title">工单</h2>
      <button type="button" id="draft-order">生成工单</button>
      <div id="work-order"></div>
    </section>
  </div>
  <section class="box" aria-labelledby="case-title">
    <h2 id="case-title">通话记录</h2>
    <ol id="transcript" aria-label="通话记录" tabindex="0"></ol>
    <form id="caller-form" aria-label="来电人说的话" hidden>
      <div class="field"><label for="caller-input">来电人说</label><textarea id="caller-input" rows="3" placeholder="输入或粘贴来电人的话，回车提交"></textarea></div>
      <button type="submit">提交</button>
    </form>
  </section>
  <div id="panels" aria-label="助手面板"></div>
</div>
</main>
<script src="/copilot/app.js" defer></script>
</body>
</html>`;
