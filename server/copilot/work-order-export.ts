import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { WorkOrder } from './work-order.schema.ts';

/** Where a saved 工单 went. */
export interface ExportResult {
  url?: 'sent' | 'failed';
  file?: 'written' | 'failed';
}

/**
 * Sends a saved work order on to the hotline's case system: POSTed as JSON to WORK_ORDER_URL and/or appended
 * as one JSON line to WORK_ORDER_FILE. The order is saved in yishi's store first, so a failed export loses
 * nothing; the agent sees which export failed.
 */
export class WorkOrderExport {
  constructor(
    private readonly target: { url?: string | undefined; file?: string | undefined },
    private readonly logger: Logger,
  ) {}

  async send(order: WorkOrder): Promise<ExportResult> {
    const result: ExportResult = {};
    if (this.target.url) {
      try {
        const res = await fetch(this.target.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(order),
          signal: AbortSignal.timeout(5000),
        });
        result.url = res.ok ? 'sent' : 'failed';
        if (!res.ok) this.logger.warn({ status: res.status, order: order.id }, 'work order export refused');
      } catch (error) {
        result.url = 'failed';
        this.logger.warn({ err: error, order: order.id }, 'work order export failed');
      }
    }
    if (this.target.file) {
      try {
        await mkdir(dirname(this.target.file), { recursive: true });
        await appendFile(this.target.file, `${JSON.stringify(order)}\n`, 'utf8');
        result.file = 'written';
      } catch (error) {
        result.file = 'failed';
        this.logger.warn({ err: error, order: order.id }, 'work order file export failed');
      }
    }
    return result;
  }
}
