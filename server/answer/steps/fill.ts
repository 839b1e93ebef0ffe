import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { FILL_INTENT, fillFromMessage, newForm } from '../../form/fill.ts';
import { readBack, submitForm } from '../../form/submission.ts';

const READ_BACK = /核对|读一遍|念一遍|确认一下表|看看表|看一下表|填了哪些/;
const SUBMIT = /^(确认提交|提交申请|确认无误.{0,4}提交|可以提交|提交吧|确认,?提交)/;

import type { Context } from '../context.ts';

/**
 * Assisted filling from the conversation: 帮我填表 (or the widget's button) starts a draft of the unified form
 * of the bundle in focus; from then on every message's values fill it. No login is needed for this; shared
 * data is another path, under consent.
 */
export function fill(ctx: Context): void {
  if (ctx.outcome) return;
  const bundleId = ctx.session.bundleId;
  if (!bundleId) return;
  const asked = FILL_INTENT.test(normalizeText(ctx.message));
  let form = ctx.session.form;
  if (asked && (!form || form.bundleId !== bundleId)) {
    form = newForm(bundleId);
    ctx.session.form = form;
  } else if (asked && form) form.filling = true;
  if (!form?.filling || form.bundleId !== bundleId) return;
  const text = normalizeText(ctx.message);
  // Before submission: a read-back with identifiers masked, then an explicit confirmation.
  if (READ_BACK.test(text)) {
    ctx.outcome = 'answered';
    ctx.reply = readBack(ctx.knowledge.catalog, form);
    return;
  }
  if (SUBMIT.test(text)) {
    const result = submitForm(ctx.knowledge.catalog, form, ctx.now);
    ctx.outcome = 'answered';
    if (result.ok) {
      form.submission = result.submission as unknown as typeof form.submission;
      form.filling = false;
      ctx.reply = `已提交“${result.submission.bundleName}”的申请，回执编号：${result.submission.receipt}。各部门将并联办理，请保存回执编号以便查询进度。`;
    } else {
      const first = result.problems.slice(0, 3).map((p) => `· ${p.label}：${p.message}`);
      ctx.reply = `还有${result.problems.length}项需要补充或更正，暂不能提交：\n${first.join('\n')}${result.problems.length > 3 ? '\n……' : ''}`;
    }
    return;
  }
  const fields = ctx.knowledge.catalog.bundles.get(bundleId)?.form.fields ?? [];
  const result = fillFromMessage(form, fields, ctx.message, ctx.session.turnCount + 1, ctx.now);
  if (asked || result.set.length > 0 || result.rejected.length > 0) ctx.filled = result;
}
