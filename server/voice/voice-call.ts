import type { Plan } from '../../knowledge/index.ts';
import type { AnswerService } from '../answer/answer-service.ts';
import type { Context } from '../answer/context.ts';
import { forListening, shortSentences } from './listening-text.ts';
import { quantitySpoken } from './spoken-numbers.ts';
import { checklistItems, type SpokenItem, situationalNote, stageItems } from './spoken-plan.ts';
import { DTMF, type VoiceCommand, voiceCommand } from './voice-commands.ts';
import { VOICE_LINES as L } from './voice-lines.ts';

/** What the call says back, and what the gateway must do after saying it. */
export interface VoiceReply {
  text: string;
  action?: 'transfer' | 'hangup';
  /** Why: `command`, `dtmf`, `handoff`, `crisis`, `silence`, `bye`. */
  reason?: string;
  /** The walk the reply belongs to and the item it read. */
  walk?: { kind: 'checklist' | 'steps' | 'reply'; index: number; count: number };
}

/** The yes/no question the call has just asked, so 要 / 不用 can answer it. */
type Asked = 'repeat' | 'continue' | 'steps' | 'transfer' | 'anything-else' | 'resume';

interface Walk {
  kind: 'checklist' | 'steps' | 'reply';
  items: SpokenItem[];
  at: number;
  /** Said after the last item. */
  end?: string;
}

/** Sentences per turn when a long answer is read in parts, and the most parts read before offering a person. */
const SENTENCES_PER_TURN = 3;
const MAX_PARTS = 3;

/**
 * One phone call, shaped for listening: the pipeline answers the caller's questions; the call reads the plan
 * one item at a time and keeps the walk, the last thing said, the question just asked and the silences. The
 * case (session) is the same one the widget and the copilot use.
 */
export class VoiceCall {
  private walk: Walk | undefined;
  private lastSaid = '';
  private asked: Asked | undefined;
  private silences = 0;
  private bundleId: string | undefined;
  private plan: Plan | undefined;
  /** A checklist or steps walk interrupted by a question, offered again once the answer is read. */
  private suspended: Walk | undefined;
  private readonly told = new Set<string>();

  constructor(
    private readonly answers: AnswerService,
    public sessionId: string | undefined,
    private readonly region?: string,
  ) {}

  greet(): VoiceReply {
    return this.say({ text: L.greeting });
  }

  async hear(text: string): Promise<VoiceReply> {
    this.silences = 0;
    const command = voiceCommand(text);
    if (command) {
      const reply = this.command(command, text);
      if (reply) return reply;
    }
    return this.ask(text);
  }

  async dtmf(digit: string): Promise<VoiceReply> {
    this.silences = 0;
    const command = DTMF[digit];
    if (!command) return this.say({ text: `${L.notUnderstood}` });
    return this.command(command, '', 'dtmf') ?? this.say({ text: L.notUnderstood });
  }

  /** The recognizer failed on what the caller said: ask again, without counting it as silence. */
  notHeard(): VoiceReply {
    return { ...this.current(), text: L.notUnderstood };
  }

  /** The gateway heard nothing for its timeout: re-prompt, then ask if anyone is there, then end politely. */
  silence(): VoiceReply {
    this.silences += 1;
    if (this.silences >= 3) return this.say({ text: L.silentGoodbye, action: 'hangup', reason: 'silence' });
    if (this.silences === 2) return this.say({ text: L.stillThere });
    const pending =
      this.asked === 'repeat'
        ? `${L.askRepeat}${L.howToMove}`
        : this.asked
          ? this.lastQuestion()
          : L.reprompt;
    return this.say({ text: pending });
  }

  private command(command: VoiceCommand, text: string, via = 'command'): VoiceReply | undefined {
    switch (command) {
      case 'human':
        return this.say({
          text: L.transfer,
          action: 'transfer',
          reason: via === 'dtmf' ? 'dtmf' : 'command',
        });
      case 'repeat':
        return this.repeat();
      case 'next':
        // 继续 after 要继续听吗 (the interrupted walk offered again) takes it up.
        if (this.asked === 'resume') return this.answerYes();
        return this.walk ? this.step(1) : undefined;
      case 'previous':
        return this.walk ? this.step(-1) : undefined;
      case 'bye':
        // 没有了 answering 需要我重复吗 is a no, not a goodbye.
        if (this.asked === 'repeat' && !/再见|拜拜|挂|谢谢|多谢/.test(text)) return this.answerNo();
        return this.say({ text: L.goodbye, action: 'hangup', reason: 'bye' });
      case 'yes':
        return this.answerYes();
      case 'no':
        return this.answerNo();
    }
  }

  private repeat(): VoiceReply {
    if (!this.lastSaid) return this.say({ text: L.greeting });
    return { ...this.current(), text: this.lastSaid };
  }

  private answerYes(): VoiceReply | undefined {
    switch (this.asked) {
      case 'repeat':
        return this.repeat();
      case 'continue':
        return this.step(1);
      case 'steps':
        return this.startSteps();
      case 'resume':
        this.walk = this.suspended;
        this.suspended = undefined;
        return this.step(1);
      case 'transfer':
        return this.say({ text: L.transfer, action: 'transfer', reason: 'crisis' });
      default:
        return undefined;
    }
  }

  private answerNo(): VoiceReply | undefined {
    switch (this.asked) {
      case 'repeat':
      case 'continue':
        return this.step(1);
      case 'steps':
      case 'transfer':
      case 'resume':
        this.walk = undefined;
        this.suspended = undefined;
        return this.say({ text: L.anythingElse }, 'anything-else');
      case 'anything-else':
        return this.say({ text: L.goodbye, action: 'hangup', reason: 'bye' });
      default:
        return undefined;
    }
  }

  /** Moves through the walk; past the end, what comes after it. */
  private step(delta: 1 | -1): VoiceReply {
    const walk = this.walk;
    if (!walk) return this.say({ text: L.anythingElse }, 'anything-else');
    const at = walk.at + delta;
    if (at < 0)
      return this.say({ text: `${L.firstItem}${walk.items[0]?.text ?? ''}${L.askRepeat}` }, 'repeat');
    if (at >= walk.items.length) return this.afterWalk(walk);
    walk.at = at;
    return this.sayItem(walk);
  }

  private afterWalk(walk: Walk): VoiceReply {
    this.walk = undefined;
    if (walk.kind === 'checklist') {
      // Situational items left: their deciding question is asked (the answer goes to the pipeline).
      if (walk.end) return this.say({ text: walk.end });
      return this.say({ text: `${L.walkEnd}${L.offerSteps}` }, 'steps');
    }
    const end = walk.kind === 'steps' ? L.stepsEnd : L.noMore;
    return this.say({ text: `${end}${L.anythingElse}` }, 'anything-else');
  }

  private startSteps(): VoiceReply {
    const plan = this.plan;
    if (!plan) return this.say({ text: L.anythingElse }, 'anything-else');
    this.walk = { kind: 'steps', items: stageItems(plan), at: 0 };
    return this.sayItem(this.walk);
  }

  private sayItem(walk: Walk): VoiceReply {
    const item = walk.items[walk.at];
    if (!item) return this.afterWalk(walk);
    if (walk.kind === 'checklist') this.told.add(item.key);
    const last = walk.at === walk.items.length - 1;
    const reply = { walk: this.position(walk) };
    if (walk.kind !== 'reply') return this.say({ ...reply, text: `${item.text}${L.askRepeat}` }, 'repeat');
    if (!last) return this.say({ ...reply, text: `${item.text}${L.moreFollows}` }, 'continue');
    // The answer is read: offer the walk it interrupted, if any.
    return this.suspended
      ? this.say({ ...reply, text: `${item.text}${L.resume}` }, 'resume')
      : this.say({ ...reply, text: item.text });
  }

  /** A question for the pipeline; the answer read as a walk (a new 一件事's checklist) or in short parts. */
  private async ask(text: string): Promise<VoiceReply> {
    const { answer, context } = await this.answers.run({
      message: text,
      channel: 'voice',
      ...(this.sessionId ? { sessionId: this.sessionId } : {}),
      ...(this.region ? { region: this.region } : {}),
    });
    this.sessionId = answer.sessionId;
    if (answer.outcome === 'handoff')
      return this.say({ text: L.transfer, action: 'transfer', reason: 'handoff' });
    if (answer.outcome === 'crisis')
      return this.say({ text: `${forListening(answer.reply)}${L.crisisOffer}` }, 'transfer');
    if (answer.plan) this.plan = answer.plan;
    if (answer.plan && this.startsWalk(context, answer.plan)) return this.checklistWalk(answer.plan, context);
    // The order of steps, asked in any words, is read one stage per turn too.
    if (answer.plan && context.intents.some((i) => i.kind === 'steps')) {
      this.bundleId = answer.plan.bundle.id;
      return this.startSteps();
    }
    const sentences = shortSentences(forListening(answer.reply).replace(/。/g, '。\n')).filter(Boolean);
    const parts: SpokenItem[] = [];
    for (let i = 0; i < sentences.length; i += SENTENCES_PER_TURN)
      parts.push({ key: `part:${i}`, text: sentences.slice(i, i + SENTENCES_PER_TURN).join('') });
    // On the phone the rest of a long answer (every matter's office, one by one) is for a person to go through;
    // in the middle of the checklist only its first part is read before the checklist is offered again.
    const interrupting = this.walk && this.walk.kind !== 'reply' && this.walk.at < this.walk.items.length - 1;
    const most = interrupting || this.suspended ? 1 : MAX_PARTS;
    if (parts.length > most) {
      parts.length = most;
      parts[most - 1] = { key: 'part:more', text: `${parts[most - 1]?.text ?? ''}${L.moreWithAgent}` };
    }
    if (parts.length === 0) return this.say({ text: L.notUnderstood });
    if (interrupting) this.suspended = this.walk;
    this.walk = { kind: 'reply', items: parts, at: 0 };
    return this.sayItem(this.walk);
  }

  /** A new 一件事, or materials asked about, or facts learnt that add materials: read the checklist. */
  private startsWalk(context: Context, plan: Plan): boolean {
    const newBundle = plan.bundle.id !== this.bundleId;
    const asksMaterials = context.intents.some((i) => i.kind === 'materials');
    const learnt = Object.keys(context.learnt).length > 0 && checklistItems(plan, this.told).length > 0;
    return newBundle || asksMaterials || learnt;
  }

  private checklistWalk(plan: Plan, context: Context): VoiceReply {
    const newBundle = plan.bundle.id !== this.bundleId;
    if (newBundle) this.told.clear();
    this.bundleId = plan.bundle.id;
    const asksAgain = !newBundle && context.intents.some((i) => i.kind === 'materials');
    const items = checklistItems(plan, asksAgain ? new Set() : this.told);
    const end = situationalNote(plan);
    const opening = newBundle
      ? `您要办的是${forListening(plan.bundle.name).replace(/[。“”]/g, '')}。`
      : asksAgain
        ? ''
        : '根据您说的情况，';
    if (items.length === 0) return this.say({ text: `${opening}${end ?? L.walkEnd}` });
    const count =
      items.length === 1
        ? '还要准备一样材料。'
        : `要准备${quantitySpoken(items.length)}样材料，我一样一样说。`;
    this.suspended = undefined;
    this.walk = { kind: 'checklist', items, at: 0, ...(end ? { end: `${L.walkEnd}${end}` } : {}) };
    const first = this.sayItem(this.walk);
    return this.say({ ...first, text: `${opening}${count}${first.text}` }, 'repeat');
  }

  private position(walk: Walk): VoiceReply['walk'] {
    return { kind: walk.kind, index: walk.at, count: walk.items.length };
  }

  private current(): VoiceReply {
    return this.walk && this.walk.at >= 0 ? { text: '', walk: this.position(this.walk) } : { text: '' };
  }

  private lastQuestion(): string {
    const question = this.lastSaid.match(/[^。！？]*？$/)?.[0];
    return question ?? L.reprompt;
  }

  private say(reply: VoiceReply, asked?: Asked): VoiceReply {
    this.lastSaid = reply.text;
    this.asked = asked;
    return reply;
  }
}
