import type { Catalog } from '../../knowledge/index.ts';
import { YishiError } from '../../knowledge/yishi-error.ts';
import { findPii, maskPii } from '../answer/guard/pii.ts';
import type { SessionStore, TurnRecord } from '../stores/session.types.ts';
import type { FeedbackRecord, FeedbackRequest } from './feedback.schema.ts';

/** A turn as operators see it: what was asked and how it ended (identifiers already masked). */
export interface GapTurn {
  sessionId: string;
  turn: number;
  message: string;
  outcome: string;
  at: string;
  reply?: string;
  reason?: string;
  text?: string;
}

export interface FeedbackReport {
  since?: string;
  totals: { rated: number; good: number; bad: number; noAnswer: number; unplaced: number };
  /** Per bundle, the biggest gaps first. */
  bundles: {
    bundleId: string;
    name: string;
    good: number;
    bad: number;
    badRated: GapTurn[];
    noAnswer: GapTurn[];
  }[];
  /** Questions yishi could not place in any bundle (asked to clarify) or answer. */
  unplaced: GapTurn[];
}

const REPLY_CHARS = 300;

/** 好差评: stores ratings of answers and shows operators where yishi falls short. */
export class FeedbackService {
  constructor(
    private readonly store: SessionStore,
    private readonly catalog: Catalog,
  ) {}

  async rate(request: FeedbackRequest): Promise<FeedbackRecord> {
    const turn = await this.store.getTurn(request.sessionId, request.turn);
    if (!turn) throw new YishiError('not_found', 'feedback', '要评价的回答不存在');
    const text = request.text ? maskPii(request.text, findPii(request.text)) : undefined;
    const record: FeedbackRecord = {
      sessionId: request.sessionId,
      seq: request.turn,
      rating: request.rating,
      ...(request.reason ? { reason: request.reason } : {}),
      ...(text ? { text } : {}),
      createdAt: new Date().toISOString(),
    };
    await this.store.saveFeedback(record);
    return record;
  }

  async report(since: string | undefined, limit: number): Promise<FeedbackReport> {
    const feedback = await this.store.listFeedback(since);
    const gaps = await this.store.listTurnsWithOutcome(['no_answer', 'clarify'], since, limit * 10);
    const byBundle = new Map<string, FeedbackReport['bundles'][number]>();
    const entry = (bundleId: string) => {
      let e = byBundle.get(bundleId);
      if (!e) {
        e = {
          bundleId,
          name: this.catalog.bundles.get(bundleId)?.name ?? bundleId,
          good: 0,
          bad: 0,
          badRated: [],
          noAnswer: [],
        };
        byBundle.set(bundleId, e);
      }
      return e;
    };
    const unplaced: GapTurn[] = [];
    for (const f of feedback) {
      const turn = await this.store.getTurn(f.sessionId, f.seq);
      if (!turn) continue;
      const e = entry(turn.bundleId ?? '(none)');
      if (f.rating === 'good') e.good += 1;
      else {
        e.bad += 1;
        if (e.badRated.length < limit)
          e.badRated.push({
            ...gap(turn),
            reply: short(turn.reply),
            ...(f.reason ? { reason: f.reason } : {}),
            ...(f.text ? { text: f.text } : {}),
          });
      }
    }
    for (const turn of gaps) {
      if (turn.outcome === 'no_answer' && turn.bundleId) {
        const e = entry(turn.bundleId);
        if (e.noAnswer.length < limit) e.noAnswer.push(gap(turn));
      } else if (unplaced.length < limit) unplaced.push(gap(turn));
    }
    const bundles = [...byBundle.values()].sort(
      (a, b) =>
        b.bad + b.noAnswer.length - (a.bad + a.noAnswer.length) || a.bundleId.localeCompare(b.bundleId),
    );
    return {
      ...(since ? { since } : {}),
      totals: {
        rated: feedback.length,
        good: feedback.filter((f) => f.rating === 'good').length,
        bad: feedback.filter((f) => f.rating === 'bad').length,
        noAnswer: gaps.filter((t) => t.outcome === 'no_answer').length,
        unplaced: gaps.filter((t) => !(t.outcome === 'no_answer' && t.bundleId)).length,
      },
      bundles,
      unplaced,
    };
  }
}

function gap(turn: TurnRecord): GapTurn {
  return {
    sessionId: turn.sessionId,
    turn: turn.seq,
    message: turn.message,
    outcome: turn.outcome,
    at: turn.createdAt,
  };
}

function short(text: string): string {
  return [...text].length > REPLY_CHARS ? `${[...text].slice(0, REPLY_CHARS).join('')}…` : text;
}
