import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Auth } from '../auth/auth.ts';
import { requireRole } from '../auth/require-role.ts';
import { parsePayload } from '../http/parse.ts';
import { SetValue } from '../http/routes/form-routes.ts';
import type { CopilotService } from './copilot-service.ts';
import { WorkOrderInput } from './work-order.schema.ts';

const Params = z.object({ id: z.uuid('案件编号格式不正确') });
const FieldParams = Params.extend({ key: z.string().min(1).max(80) });
export const Join = z.strictObject({
  code: z.string().min(6).max(20),
  /** The caller agreed, on the call, that the agent may see their case. */
  consent: z.boolean(),
});
export const CallerTurn = z.strictObject({
  message: z.string().trim().min(1, '请输入来电人说的话').max(2000),
});
export const Hand = z.strictObject({ to: z.string().min(1).max(100) });

/**
 * The 12345 agent's console API, under `/api/copilot`; every route needs the agent (or admin) role. Case
 * ids the agent may not see answer 404, like ids that do not exist.
 */
export function copilotRoutes(copilot: CopilotService, auth: Auth): Router {
  const router = Router();
  router.use('/copilot', requireRole(auth, 'agent', 'admin'));
  const agent = (req: Request) => req.principal?.subject ?? '';
  const id = (req: Request) => parsePayload(Params, req.params, 'case').id;

  router.get('/copilot/cases', async (req, res) => {
    res.json({ cases: await copilot.cases(agent(req)) });
  });
  router.post('/copilot/cases', async (req, res) => {
    res.status(201).json(await copilot.open(agent(req)));
  });
  router.post('/copilot/cases/join', async (req, res) => {
    const { code, consent } = parsePayload(Join, req.body, 'case');
    res.json(await copilot.join(agent(req), code, consent));
  });
  router.get('/copilot/cases/:id', async (req, res) => {
    res.json(await copilot.view(agent(req), id(req)));
  });
  router.post('/copilot/cases/:id/turns', async (req, res) => {
    const { message } = parsePayload(CallerTurn, req.body, 'case');
    res.json(await copilot.callerSaid(agent(req), id(req), message));
  });
  router.put('/copilot/cases/:id/form/fields/:key', async (req, res) => {
    const { key } = parsePayload(FieldParams, req.params, 'form');
    const { value } = parsePayload(SetValue, req.body, 'form');
    res.json(await copilot.setField(agent(req), id(req), key, value));
  });
  router.post('/copilot/cases/:id/hand', async (req, res) => {
    const { to } = parsePayload(Hand, req.body, 'case');
    await copilot.hand(agent(req), id(req), to);
    res.status(204).end();
  });
  router.get('/copilot/cases/:id/work-order', async (req, res) => {
    res.json(await copilot.workOrderDraft(agent(req), id(req)));
  });
  router.post('/copilot/cases/:id/work-order', async (req, res) => {
    const input = parsePayload(WorkOrderInput, req.body, 'work_order');
    res.status(201).json(await copilot.saveWorkOrder(agent(req), id(req), input));
  });
  return router;
}
