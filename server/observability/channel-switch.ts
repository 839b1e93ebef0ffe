import { z } from 'zod';

export const CHANNELS = ['widget', 'api', 'copilot', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DEFAULT_OFF_MESSAGE =
  '智能导办暂时停用，请拨打12345政务服务便民热线，或到政务服务中心窗口咨询。';

/** The pipeline's channel names, as operators switch them: the widget speaks over the socket and REST. */
export function channelOf(pipelineChannel: string): Channel | undefined {
  if (pipelineChannel === 'socket') return 'widget';
  return (CHANNELS as readonly string[]).includes(pipelineChannel) ? (pipelineChannel as Channel) : undefined;
}

/**
 * The kill switch: channels switched off (CHANNELS_OFF at start, or at run time by an admin on this node) answer
 * every turn with a prepared message (CHANNEL_OFF_MESSAGE) instead of running the pipeline.
 */
export class ChannelSwitch {
  private readonly off: Set<Channel>;

  constructor(
    off: readonly Channel[] = [],
    readonly message = DEFAULT_OFF_MESSAGE,
  ) {
    this.off = new Set(off);
  }

  isOff(pipelineChannel: string): boolean {
    const channel = channelOf(pipelineChannel);
    return channel !== undefined && this.off.has(channel);
  }

  set(channel: Channel, on: boolean): void {
    if (on) this.off.delete(channel);
    else this.off.add(channel);
  }

  state(): Record<Channel, boolean> {
    return Object.fromEntries(CHANNELS.map((c) => [c, !this.off.has(c)])) as Record<Channel, boolean>;
  }
}

export const ChannelToggle = z.strictObject({ channel: z.enum(CHANNELS), on: z.boolean() });
