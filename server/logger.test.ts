import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskIdentifiers } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _e, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('trace', stream), lines };
}

describe('log redaction', () => {
  it('masks identifiers in any string and drops secret keys', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        name: '林小满',
        phone: '13912345678',
        authorization: 'Bearer eyJa.eyJb.c',
        path: '/api/cases/K7Q-4MR',
        note: '身份证43010219940413457X',
      },
      'user 13800138000 said hi',
    );
    logger.error({ err: new Error('bad id 430102199404134574 from 13912345678') }, 'failed');
    const out = lines.join('');
    for (const secret of [
      '林小满',
      '13912345678',
      '13800138000',
      'eyJa',
      'K7Q-4MR',
      '43010219940413457X',
      '430102199404134574',
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain('bad id [id] from [phone]');
  });

  it('leaves ordinary numbers alone', () => {
    expect(maskIdentifiers('status 200, 12345 热线, 30个工作日')).toBe('status 200, 12345 热线, 30个工作日');
  });
});
