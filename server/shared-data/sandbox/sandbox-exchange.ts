import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { YishiError } from '../../../knowledge/yishi-error.ts';

const Registry = z.object({
  people: z.array(
    z.object({
      idNumber: z.string(),
      name: z.string(),
      gender: z.enum(['男', '女']),
      birthDate: z.string(),
      ethnicity: z.string(),
      hukouAddress: z.string(),
      householdHead: z.string(),
      maritalStatus: z.string(),
      phone: z.string(),
      spouse: z.string().optional(),
    }),
  ),
  marriages: z.array(z.record(z.string(), z.string())),
  births: z.array(z.record(z.string(), z.string())),
  companies: z.array(z.record(z.string(), z.string())),
});
export type Registry = z.infer<typeof Registry>;

export const SANDBOX_REGISTRY = join(import.meta.dirname, 'registry.json');

export function loadRegistry(file = SANDBOX_REGISTRY): Registry {
  return Registry.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The sandbox exchange: synthetic people and companies (registry.json) served over HTTP on the exchange
 * contract (exchange-contract.ts), so the real HTTP connector is what runs on the embedded default and in tests.
 * It checks what a real exchange checks: the app key, a consent id and a purpose on every call.
 */
export function sandboxExchange(apiKey: string, registry: Registry = loadRegistry()): Router {
  const router = Router();
  router.use((req: Request, _res: Response, next: NextFunction) => {
    if (req.get('authorization') !== `Bearer ${apiKey}`)
      throw new YishiError('unauthorized', 'exchange', 'exchange: unknown app key');
    if (!req.get('x-consent-id') || !req.get('x-purpose'))
      throw new YishiError('bad_request', 'exchange', 'exchange: X-Consent-Id and X-Purpose are required');
    next();
  });
  router.get('/population/:idNumber', (req, res) => {
    const p = registry.people.find((x) => x.idNumber === req.params.idNumber);
    if (!p) throw new YishiError('not_found', 'exchange', 'exchange: no such person');
    res.json({
      record: {
        公民身份号码: p.idNumber,
        姓名: p.name,
        性别: p.gender,
        出生日期: p.birthDate,
        民族: p.ethnicity,
        户籍地址: p.hukouAddress,
        户主姓名: p.householdHead,
        婚姻状况: p.maritalStatus,
        ...(p.spouse ? { 配偶公民身份号码: p.spouse } : {}),
      },
    });
  });
  router.get('/licences/marriage', (req, res) => {
    const holder = String(req.query.holder ?? '');
    res.json({
      records: registry.marriages.filter(
        (m) => m.男方公民身份号码 === holder || m.女方公民身份号码 === holder,
      ),
    });
  });
  router.get('/records/birth', (req, res) => {
    const parent = String(req.query.parent ?? '');
    res.json({
      records: registry.births.filter((b) => b.母亲公民身份号码 === parent || b.父亲公民身份号码 === parent),
    });
  });
  router.get('/legal-persons', (req, res) => {
    const rep = String(req.query.legalRep ?? '');
    res.json({ records: registry.companies.filter((c) => c.法定代表人公民身份号码 === rep) });
  });
  return router;
}
