import { Router } from 'express';
import { z } from 'zod';
import type { Knowledge } from '../../../knowledge/index.ts';
import { plan } from '../../../knowledge/index.ts';
import { RegionCode } from '../../../knowledge/model/common.schema.ts';
import { withinRegion } from '../../../knowledge/regions/divisions.ts';
import { SECTION_LABEL } from '../../../knowledge/search/chunks.ts';
import { YishiError } from '../../../knowledge/yishi-error.ts';
import { parsePayload } from '../parse.ts';
import { PlanRequest } from './plan.schema.ts';
import { SearchQuery } from './search.schema.ts';

const BundleParams = z.object({ id: z.string().min(1).max(100) });
export const BundlesQuery = z.object({ region: RegionCode.optional() });
export const LookupQuery = z.object({ matterCode: z.string().trim().min(1).max(100) });

/** Catalog reads, planning and search: `GET /api/bundles[/:id]`, `GET /api/lookup`, `POST /api/plan`, `GET /api/search`. */
export function knowledgeRoutes(knowledge: Knowledge): Router {
  const { catalog } = knowledge;
  const router = Router();

  router.get('/bundles', (req, res) => {
    const { region } = parsePayload(BundlesQuery, req.query, 'bundles');
    const bundles = [...catalog.bundles.values()]
      .filter((b) => !b.scope || (region !== undefined && withinRegion(region, b.scope)))
      .map((b) => ({
        id: b.id,
        name: b.name,
        audience: b.audience,
        ...(b.scope ? { scope: b.scope } : {}),
        ...(b.list ? { list: b.list } : {}),
        regions: catalog.overlays.filter((o) => o.bundle === b.id).map((o) => o.region),
        matters: b.matters.map((m) => ({ id: m.id, name: catalog.matters.get(m.id)?.name ?? m.id })),
      }));
    res.json({ bundles });
  });

  // What a portal page's matter code (事项编码, or a matter or bundle id) is about: the matter and its 一件事.
  router.get('/lookup', (req, res) => {
    const { matterCode } = parsePayload(LookupQuery, req.query, 'lookup');
    const matter = [...catalog.matters.values()].find((m) => m.code === matterCode || m.id === matterCode);
    const bundle =
      catalog.bundles.get(matterCode) ??
      (matter
        ? [...catalog.bundles.values()].find((b) => b.matters.some((m) => m.id === matter.id))
        : undefined);
    if (!bundle && !matter)
      throw new YishiError('not_found', 'lookup', `没有找到事项编码为 ${matterCode} 的事项`);
    res.json({
      ...(matter
        ? { matter: { id: matter.id, name: matter.name, ...(matter.code ? { code: matter.code } : {}) } }
        : {}),
      ...(bundle ? { bundle: { id: bundle.id, name: bundle.name } } : {}),
    });
  });

  router.get('/bundles/:id', (req, res) => {
    const { id } = parsePayload(BundleParams, req.params, 'bundle');
    const bundle = catalog.bundles.get(id);
    if (!bundle) throw new YishiError('not_found', 'bundle', `没有找到编号为 ${id} 的一件事`);
    const matters = bundle.matters.map((member) => ({ ...catalog.matters.get(member.id), ...member }));
    res.json({ ...bundle, matters });
  });

  router.post('/plan', (req, res) => {
    const body = parsePayload(PlanRequest, req.body, 'plan');
    const bundle = catalog.bundles.get(body.bundleId);
    if (!bundle) throw new YishiError('not_found', 'bundle', `没有找到编号为 ${body.bundleId} 的一件事`);
    for (const [factId, value] of Object.entries(body.facts)) {
      const fact = catalog.facts.get(factId);
      if (!fact || !bundle.facts.includes(factId)) {
        throw new YishiError('bad_request', 'plan', `facts.${factId}：这件事没有这个情形问题`);
      }
      if (!fact.options.some((o) => o.value === value)) {
        throw new YishiError(
          'bad_request',
          'plan',
          `facts.${factId}：取值只能是 ${fact.options.map((o) => JSON.stringify(o.value)).join(' / ')}`,
        );
      }
    }
    res.json(
      plan(catalog, {
        bundleId: body.bundleId,
        facts: body.facts,
        ...(body.region ? { region: body.region } : {}),
      }),
    );
  });

  router.get('/search', async (req, res) => {
    const query = parsePayload(SearchQuery, req.query, 'search');
    const hits = await knowledge.search.search(query.q, {
      k: query.k,
      ...(query.region ? { region: query.region } : {}),
    });
    res.json({ hits: hits.map((h) => ({ ...h, sectionLabel: SECTION_LABEL[h.section] })) });
  });

  return router;
}
