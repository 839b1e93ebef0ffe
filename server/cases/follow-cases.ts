import type { Knowledge } from '../../knowledge/index.ts';
import type { AnswerService } from '../answer/answer-service.ts';
import { copilotPanels } from '../copilot/panels.ts';
import type { CaseFeed } from './case-feed.ts';

/**
 * Every turn of every channel reaches the agents following its case: the caller's line and the reply (the voice
 * channel publishes its own spoken lines), and the panels when someone watches.
 */
export function followCases(answers: AnswerService, feed: CaseFeed, knowledge: Knowledge): void {
  answers.onTurn((answer, context) => {
    const id = answer.sessionId;
    if (context.channel !== 'voice') {
      feed.line(id, context.channel, 'caller', context.redacted);
      feed.line(id, context.channel, 'yishi', answer.reply);
    }
    if (feed.watched(id))
      feed.publish(id, { kind: 'panels', panels: copilotPanels(knowledge, context.session, answer) });
  });
}
