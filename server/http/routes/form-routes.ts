import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { Catalog } from '../../../knowledge/index.ts';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import type { AnswerService } from '../../answer/answer-service.ts';
import type { Auth } from '../../auth/auth.ts';
import { accessSession } from '../../auth/session-access.ts';
import { issueCaseCode, sessionOfCaseCode } from '../../form/case-code.ts';
import { assertEditable, draftOf, fieldOf, formBundleOf, setFieldValue } from '../../form/form-draft.ts';
import type { FormState } from '../../form/form-state.ts';
import { formView } from '../../form/form-view.ts';
import { receiptHtml, type Submission, submitForm } from '../../form/submission.ts';
import type { SessionState, SessionStore } from '../../stores/session.types.ts';
import { parsePayload } from '../parse.ts';

const Params = z.object({ id: z.uuid('会话编号格式不正确') });
const FieldParams = Params.extend({ key: z.string().min(1).max(80) });
export const SetValue = z.strictObject({ value: z.union([z.string().max(500), z.number(), z.boolean()]) });
export const Submit = z.strictObject({
  confirm: z.literal(true, '提交前请确认表单内容无误（confirm: true）'),
});

/**
 * The unified form of a session: read it, set / confirm / clear a field, submit, and fetch the receipt.
 * Filling needs no login; once a session belongs to a logged-in person (consent), only their token may change it.
 */
export function formRoutes(deps: {
  answers: AnswerService;
  store: SessionStore;
  auth: Auth;
  catalog: Catalog;
}): Router {
  const { answers, store, auth, catalog } = deps;
  const router = Router();

  async function load(req: Request): Promise<{ session: SessionState; form: FormState }> {
    const { id } = parsePayload(Params, req.params, 'form');
    const { session } = await accessSession(answers, auth, req, id);
    return { session, form: draftOf(session) };
  }

  const view = (form: FormState) => formView(catalog, form.bundleId, form);

  router.get('/sessions/:id/form', async (req, res) => {
    const { id } = parsePayload(Params, req.params, 'session');
    const { session } = await accessSession(answers, auth, req, id);
    res.json(formView(catalog, formBundleOf(session), session.form));
  });

  router.put('/sessions/:id/form/fields/:key', async (req, res) => {
    const { key } = parsePayload(FieldParams, req.params, 'form');
    const { value } = parsePayload(SetValue, req.body, 'form');
    const { session, form } = await load(req);
    setFieldValue(catalog, form, key, value, 'person', 'confirmed');
    await store.saveSession(session);
    res.json(view(form));
  });

  router.post('/sessions/:id/form/fields/:key/confirm', async (req, res) => {
    const { key } = parsePayload(FieldParams, req.params, 'form');
    const { session, form } = await load(req);
    fieldOf(catalog, form, key);
    const state = form.fields[key];
    if (state?.value == null) throw new YishiError('invalid', 'form', '这一项还没有内容，不能确认');
    state.status = 'confirmed';
    await store.saveSession(session);
    res.json(view(form));
  });

  router.delete('/sessions/:id/form/fields/:key', async (req, res) => {
    const { key } = parsePayload(FieldParams, req.params, 'form');
    const { session, form } = await load(req);
    assertEditable(form);
    fieldOf(catalog, form, key);
    delete form.fields[key];
    await store.saveSession(session);
    res.json(view(form));
  });

  router.post('/sessions/:id/form/submit', async (req, res) => {
    parsePayload(Submit, req.body, 'form');
    const { session, form } = await load(req);
    if (form.submission)
      throw new YishiError('conflict', 'form', `申请已提交，回执编号 ${form.submission.receipt}`);
    const result = submitForm(catalog, form);
    if (!result.ok)
      throw new YishiError('invalid', 'form', `还有${result.problems.length}项需要补充或更正`, {
        details: result.problems,
      });
    form.submission = result.submission as unknown as FormState['submission'];
    form.filling = false;
    await store.saveSession(session);
    res.status(201).json(result.submission);
  });

  // A case code resumes the draft on another device (or, later, another channel) for 7 days.
  router.post('/sessions/:id/case-code', async (req, res) => {
    const { session } = await load(req);
    res.status(201).json(await issueCaseCode(store, session.id));
  });

  router.get('/cases/:code', async (req, res) => {
    const sessionId = await sessionOfCaseCode(store, String(req.params.code));
    if (!sessionId) throw new YishiError('not_found', 'case', '案件码不存在或已过期');
    const { session } = await accessSession(answers, auth, req, sessionId);
    const bundleId = session.form?.bundleId ?? session.bundleId;
    res.json({
      sessionId: session.id,
      ...(bundleId
        ? { bundle: { id: bundleId, name: catalog.bundles.get(bundleId)?.name ?? bundleId } }
        : {}),
      ...(bundleId ? { form: formView(catalog, bundleId, session.form) } : {}),
    });
  });

  router.get('/sessions/:id/form/receipt', async (req, res) => {
    const { form } = await load(req);
    if (!form.submission) throw new YishiError('not_found', 'form', '还没有提交申请');
    res.json(form.submission);
  });

  router.get('/sessions/:id/form/receipt.html', async (req, res) => {
    const { form } = await load(req);
    if (!form.submission) throw new YishiError('not_found', 'form', '还没有提交申请');
    res.type('html').send(receiptHtml(form.submission as unknown as Submission));
  });

  return router;
}
