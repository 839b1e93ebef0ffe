import { z } from 'zod';
import { CallerTurn, Hand, Join } from '../copilot/copilot-routes.ts';
import { WorkOrderInput } from '../copilot/work-order.schema.ts';
import { FeedbackQuery, FeedbackRequest } from '../feedback/feedback.schema.ts';
import { ChannelToggle } from '../observability/channel-switch.ts';
import { ConsentRequest } from '../shared-data/consent.ts';
import { ChatRequest } from './routes/chat.schema.ts';
import { SetValue, Submit } from './routes/form-routes.ts';
import { BundlesQuery, LookupQuery } from './routes/knowledge-routes.ts';
import { PlanRequest } from './routes/plan.schema.ts';
import { SearchQuery } from './routes/search.schema.ts';

type Role = 'citizen' | 'agent' | 'admin';
interface Route {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  role?: Role | 'owner';
  ok?: number;
}

/** Every public route: the zod schema that validates its input is the one the document shows. */
const ROUTES: Route[] = [
  { method: 'get', path: '/healthz', summary: 'The process answers' },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Store, retrieval index and Redis usable (503 naming what is not)',
  },
  { method: 'get', path: '/metrics', summary: 'Prometheus metrics (bearer METRICS_TOKEN when set)' },
  { method: 'get', path: '/api/bundles', summary: 'The 一件事 of the catalog', query: BundlesQuery },
  { method: 'get', path: '/api/bundles/{id}', summary: 'One 一件事 with its matters' },
  {
    method: 'get',
    path: '/api/lookup',
    summary: 'A matter code (事项编码) to its matter and 一件事',
    query: LookupQuery,
  },
  {
    method: 'post',
    path: '/api/plan',
    summary: 'Checklist, steps and open questions for a situation',
    body: PlanRequest,
  },
  { method: 'get', path: '/api/search', summary: 'Hybrid retrieval over the guides', query: SearchQuery },
  {
    method: 'post',
    path: '/api/chat',
    summary: 'One turn of a conversation (id: idempotency key)',
    body: ChatRequest,
  },
  {
    method: 'post',
    path: '/api/feedback',
    summary: 'Rate an answer (好差评)',
    body: FeedbackRequest,
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/admin/feedback',
    summary: 'Ratings and unanswered questions by 一件事',
    query: FeedbackQuery,
    role: 'admin',
  },
  {
    method: 'get',
    path: '/api/sessions/{id}',
    summary: 'The conversation (owner only once owned)',
    role: 'owner',
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}',
    summary: 'Delete transcript and draft; recorded in the audit log',
    role: 'owner',
    ok: 204,
  },
  { method: 'get', path: '/api/me/audit', summary: 'Audit entries by or about the caller', role: 'citizen' },
  {
    method: 'get',
    path: '/api/sessions/{id}/form',
    summary: 'The unified form with values, sources and status',
    role: 'owner',
  },
  {
    method: 'put',
    path: '/api/sessions/{id}/form/fields/{key}',
    summary: 'Set a field (validated by type)',
    body: SetValue,
    role: 'owner',
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/form/fields/{key}/confirm',
    summary: 'Confirm a field',
    role: 'owner',
  },
  { method: 'delete', path: '/api/sessions/{id}/form/fields/{key}', summary: 'Clear a field', role: 'owner' },
  {
    method: 'post',
    path: '/api/sessions/{id}/form/submit',
    summary: 'Submit the application package',
    body: Submit,
    role: 'owner',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/form/receipt',
    summary: 'The receipt of a submitted form',
    role: 'owner',
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/case-code',
    summary: 'A case code to resume elsewhere',
    role: 'owner',
    ok: 201,
  },
  { method: 'get', path: '/api/cases/{code}', summary: 'The case a code resumes', role: 'owner' },
  {
    method: 'post',
    path: '/api/sessions/{id}/consents',
    summary: 'Consent to one shared source',
    body: ConsentRequest,
    role: 'citizen',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/sessions/{id}/consents',
    summary: 'The consents of a session',
    role: 'citizen',
  },
  {
    method: 'delete',
    path: '/api/sessions/{id}/consents/{consentId}',
    summary: 'Revoke a consent',
    role: 'citizen',
  },
  {
    method: 'post',
    path: '/api/sessions/{id}/form/prefill',
    summary: 'Prefill from shared data under consent',
    role: 'citizen',
  },
  { method: 'get', path: '/api/copilot/cases', summary: 'The cases an agent may see', role: 'agent' },
  { method: 'post', path: '/api/copilot/cases', summary: 'A new call', role: 'agent', ok: 201 },
  {
    method: 'post',
    path: '/api/copilot/cases/join',
    summary: 'Open a caller’s case by code, with consent',
    body: Join,
    role: 'agent',
  },
  {
    method: 'get',
    path: '/api/copilot/cases/{id}',
    summary: 'Panels, transcript and work orders',
    role: 'agent',
  },
  {
    method: 'post',
    path: '/api/copilot/cases/{id}/turns',
    summary: 'What the caller said',
    body: CallerTurn,
    role: 'agent',
  },
  {
    method: 'put',
    path: '/api/copilot/cases/{id}/form/fields/{key}',
    summary: 'The agent sets a field',
    body: SetValue,
    role: 'agent',
  },
  {
    method: 'post',
    path: '/api/copilot/cases/{id}/hand',
    summary: 'Hand the case to another agent',
    body: Hand,
    role: 'agent',
    ok: 204,
  },
  {
    method: 'get',
    path: '/api/copilot/cases/{id}/work-order',
    summary: 'The work-order draft',
    role: 'agent',
  },
  {
    method: 'post',
    path: '/api/copilot/cases/{id}/work-order',
    summary: 'Save and export the work order',
    body: WorkOrderInput,
    role: 'agent',
    ok: 201,
  },
  { method: 'get', path: '/api/admin/channels', summary: 'Which channels are on', role: 'admin' },
  {
    method: 'put',
    path: '/api/admin/channels',
    summary: 'Switch a channel on or off (kill switch)',
    body: ChannelToggle,
    role: 'admin',
  },
];

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** The OpenAPI 3.1 document of the HTTP API, built from the zod schemas the routes validate with. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = r.query
      ? Object.entries(r.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: schema(s as z.ZodType),
        }))
      : [];
    const path = paths[r.path] ?? {};
    paths[r.path] = path;
    path[r.method] = {
      summary: r.summary,
      ...(r.role ? { security: [{ bearer: [] }], 'x-role': r.role } : {}),
      ...(params.length + query.length ? { parameters: [...params, ...query] } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(r.body) } } } }
        : {}),
      responses: {
        [String(r.ok ?? 200)]: { description: 'OK' },
        '4XX': {
          description: 'Client error',
          content: { 'application/json': { schema: schema(ErrorBody) } },
        },
        '5XX': {
          description: 'Server error',
          content: { 'application/json': { schema: schema(ErrorBody) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'yishi 一事',
      version,
      description:
        'Guidance and assisted filling for 高效办成一件事. Errors are { error: { code, message } }.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
