import { normalizeText } from '../../../knowledge/search/normalize.ts';
import { FILL_INTENT, fillFromMessage, newForm } from '../../form/fill.ts';
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
  const fields = ctx.knowledge.catalog.bundles.get(bundleId)?.form.fields ?? [];
  const result = fillFromMessage(form, fields, ctx.message, ctx.session.turnCount + 1, ctx.now);
  if (asked || result.set.length > 0 || result.rejected.length > 0) ctx.filled = result;
}
