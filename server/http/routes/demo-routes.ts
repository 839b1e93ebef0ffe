import { Router } from 'express';
import { z } from 'zod';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import type { Auth } from '../../auth/auth.ts';
import { loadRegistry } from '../../shared-data/sandbox/sandbox-exchange.ts';
import { parsePayload } from '../parse.ts';

const DemoLogin = z.strictObject({ person: z.number().int().min(0).optional() });
const DemoAgent = z.strictObject({ seat: z.number().int().min(1).max(99).optional() });

/**
 * The demo issuer: logs a synthetic citizen of the sandbox exchange in, so the demo page can show consent
 * and prefill. Only with the development issuer (no AUTH_JWKS_URL or AUTH_JWT_SECRET); a real deployment
 * gets tokens from the portal and this answers 404.
 */
export function demoRoutes(auth: Auth): Router {
  const router = Router();
  // Read once, and only where the demo issuer is on.
  const registry = auth.development ? loadRegistry() : undefined;
  router.post('/dev/demo-login', async (req, res) => {
    if (!registry) throw new YishiError('not_found', 'route', '接口不存在');
    const { person = 0 } = parsePayload(DemoLogin, req.body ?? {}, 'demo');
    // Parents of a newborn first, so the newborn demo has a birth record to read.
    const parents = registry.births.map((b) => b.父亲公民身份号码);
    const people = [...registry.people].sort(
      (a, b) => Number(parents.includes(b.idNumber)) - Number(parents.includes(a.idNumber)),
    );
    const chosen = people[person % people.length];
    if (!chosen) throw new YishiError('not_found', 'demo', '沙箱里没有演示用户');
    const token = await auth.issue(`demo-${chosen.idNumber.slice(-6)}`, ['citizen'], '2h', chosen.idNumber);
    res.json({
      token,
      person: {
        name: chosen.name,
        idNumber: `${chosen.idNumber.slice(0, 4)}**********${chosen.idNumber.slice(-4)}`,
      },
      notice: '演示用户来自沙箱数据，均为虚构。',
    });
  });
  // A demo 12345 agent for the copilot console (/copilot); several seats so handing a case on can be tried.
  router.post('/dev/demo-agent', async (req, res) => {
    if (!registry) throw new YishiError('not_found', 'route', '接口不存在');
    const { seat = 1 } = parsePayload(DemoAgent, req.body ?? {}, 'demo');
    const subject = `agent-${String(seat).padStart(3, '0')}`;
    const token = await auth.issue(subject, ['agent'], '8h');
    res.json({
      token,
      agent: { id: subject, name: `演示坐席${seat}号` },
      notice: '演示坐席，仅用于开发环境。',
    });
  });
  return router;
}
