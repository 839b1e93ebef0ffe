import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ChatAnswer } from '../answer/chat-answer.ts';
import type { Context } from '../answer/context.ts';

/**
 * yishi's Prometheus metrics (prom-client, the maintained Node client): turns by outcome and channel, step
 * latencies, model failures and fallbacks, turns in flight (the queue), HTTP requests; plus Node's defaults.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly turns = new Counter({
    name: 'yishi_turns_total',
    help: 'Chat turns answered, by outcome and channel',
    labelNames: ['outcome', 'channel'] as const,
    registers: [this.registry],
  });
  private readonly steps = new Histogram({
    name: 'yishi_step_seconds',
    help: 'Time of each answer-pipeline step',
    labelNames: ['step'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly modelErrors = new Counter({
    name: 'yishi_model_errors_total',
    help: 'Model calls that gave no usable answer, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly fallbacks = new Counter({
    name: 'yishi_model_fallbacks_total',
    help: 'Turns whose model-written reply was replaced by the deterministic one',
    registers: [this.registry],
  });
  private readonly http = new Counter({
    name: 'yishi_http_requests_total',
    help: 'HTTP requests, by method, route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly inFlight: Gauge;
  readonly killed: Counter<'channel'>;

  constructor(inFlight: () => number) {
    collectDefaultMetrics({ register: this.registry, prefix: 'yishi_node_' });
    this.inFlight = new Gauge({
      name: 'yishi_turns_in_flight',
      help: 'Turns being answered or waiting for their session (queue depth)',
      registers: [this.registry],
      collect() {
        this.set(inFlight());
      },
    });
    this.killed = new Counter({
      name: 'yishi_channel_off_answers_total',
      help: 'Turns answered with the prepared message because their channel is switched off',
      labelNames: ['channel'] as const,
      registers: [this.registry],
    });
  }

  turn(answer: ChatAnswer, context: Context): void {
    this.turns.inc({ outcome: answer.outcome, channel: context.channel });
    for (const [step, ms] of Object.entries(context.timings)) this.steps.observe({ step }, ms / 1000);
    for (const trace of context.llmTraces) if (trace.failure) this.modelErrors.inc({ reason: trace.failure });
    if (context.fallback) this.fallbacks.inc();
  }

  request(method: string, route: string, status: number): void {
    this.http.inc({ method, route, status: `${Math.floor(status / 100)}xx` });
  }
}
