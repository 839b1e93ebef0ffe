import { Router } from 'express';
import type { Auth } from '../../auth/auth.ts';
import { requireRole } from '../../auth/require-role.ts';
import { FeedbackQuery, FeedbackRequest } from '../../feedback/feedback.schema.ts';
import type { FeedbackService } from '../../feedback/feedback-service.ts';
import { parsePayload } from '../parse.ts';

/** `POST /api/feedback` (anyone who got the answer) and `GET /api/admin/feedback` (admin role). */
export function feedbackRoutes(feedback: FeedbackService, auth: Auth): Router {
  const router = Router();

  router.post('/feedback', async (req, res) => {
    const body = parsePayload(FeedbackRequest, req.body, 'feedback');
    const saved = await feedback.rate(body);
    res.status(201).json({ sessionId: saved.sessionId, turn: saved.seq, rating: saved.rating });
  });

  router.get('/admin/feedback', requireRole(auth, 'admin'), async (req, res) => {
    const query = parsePayload(FeedbackQuery, req.query, 'feedback');
    res.json(await feedback.report(query.since, query.limit));
  });

  return router;
}
