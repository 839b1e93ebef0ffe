import { z } from 'zod';
import type { FormField } from '../../../knowledge/model/form-field.schema.ts';
import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { checkFieldValue } from '../../form/field-value.ts';
import { FILL_INTENT, type FillResult, fillFromMessage, newForm, nextAsked } from '../../form/fill.ts';
import type { FormState } from '../../form/form-state.ts';
import { readBack, submitForm } from '../../form/submission.ts';
import { LlmFailure } from '../../llm/llm-client.ts';
import { renderPrompt } from '../../llm/prompts.ts';

const READ_BACK = /核对|读一遍|念一遍|确认一下表|看看表|看一下表|填了哪些/;
const SUBMIT = /^(确认提交|提交申请|确认无误.{0,4}提交|可以提交|提交吧|确认,?提交)/;

import type { Context } from '../context.ts';

/**
 * Assisted filling from the conversation: 帮我填表 (or the widget's button) starts a draft of the unified form
 * of the bundle in focus; from then on every message's values fill it. No login is needed for this; shared
 * data is another path, under consent.
 */
export async function fill(ctx: Context): Promise<void> {
  const bundleId = ctx.session.bundleId;
  if (!bundleId) return;
  const asked = FILL_INTENT.test(normalizeText(ctx.message));
  // 帮我预填一下 with a bundle in focus is about that bundle, however vague it sounds to the router.
  if (asked && (ctx.outcome === 'clarify' || ctx.outcome === 'off_topic')) {
    ctx.outcome = undefined;
    ctx.reply = '';
    ctx.options = undefined;
  }
  if (ctx.outcome) return;
  let form = ctx.session.form;
  if (asked && (!form || form.bundleId !== bundleId)) {
    form = newForm(bundleId);
    ctx.session.form = form;
    // What the person already said about this event counts: type each fact once (identifiers were masked
    // in the history, so those are asked again).
    const fields = ctx.knowledge.catalog.bundles.get(bundleId)?.form.fields ?? [];
    const earlier = ctx.session.history;
    earlier.forEach((h, i) => {
      const turn = ctx.session.turnCount - earlier.length + i + 1;
      if (form && h.bundleId === bundleId) fillFromMessage(form, fields, h.user, turn, ctx.now);
    });
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
  if (ctx.llm) await extractWithModel(ctx, form, fields, result);
  if (asked || result.set.length > 0 || result.rejected.length > 0) ctx.filled = result;
}

const ModelValues = z.object({
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});

/**
 * With a model, structured extraction may add values the rules missed. Each passes the same validators as a
 * typed value; a value the rules set in this message wins; model values keep source "model".
 */
async function extractWithModel(
  ctx: Context,
  form: FormState,
  fields: readonly FormField[],
  result: FillResult,
) {
  const llm = ctx.llm;
  if (!llm) return;
  const open = fields.filter((f) => !result.set.includes(f.key));
  const prompt = renderPrompt('form-extraction', {
    message: ctx.message,
    fields: open
      .map((f) => `${f.key} | ${f.label} | ${f.type}${f.options ? ` | ${f.options.join('/')}` : ''}`)
      .join('\n'),
  });
  try {
    const { value, trace } = await llm.structured({ prompt, schema: ModelValues, deadline: ctx.deadline });
    ctx.llmTraces.push(trace);
    const at = ctx.now.toISOString();
    for (const [key, raw] of Object.entries(value.values)) {
      const field = open.find((f) => f.key === key);
      if (!field) continue;
      const checked = checkFieldValue(field, raw, ctx.now);
      if (!checked.ok) continue;
      form.fields[key] = {
        value: checked.value,
        source: { kind: 'model', turn: ctx.session.turnCount + 1, at },
        status: 'prefilled',
      };
      result.set.push(key);
    }
    form.asking = nextAsked(form, fields);
  } catch (error) {
    if (!(error instanceof LlmFailure)) throw error;
    ctx.llmTraces.push(error.trace);
  }
}
