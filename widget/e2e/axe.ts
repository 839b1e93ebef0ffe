import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA and best-practice rules on a page or frame: the ids of the rules violated. */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(AXE);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string }[] }> } }
    ).axe;
    const r = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return r.violations.map((v) => v.id);
  });
}
