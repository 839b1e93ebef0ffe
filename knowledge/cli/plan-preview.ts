/**
 * Prints the plan of one bundle as a reader would see it, to review authored catalog data.
 * Usage: npx tsx knowledge/cli/plan-preview.ts <bundle-id> [fact=value ...] [--region=430100]
 */
import { loadCatalog } from '../load/load-catalog.ts';
import { plan } from '../plan/plan.ts';

const [bundleId, ...rest] = process.argv.slice(2);
if (!bundleId) {
  console.error('usage: plan-preview <bundle-id> [fact=value ...] [--region=CODE]');
  process.exit(2);
}
const facts: Record<string, string | boolean> = {};
let region: string | undefined;
for (const arg of rest) {
  if (arg.startsWith('--region=')) region = arg.slice(9);
  else {
    const [k, v] = arg.split('=');
    if (k && v !== undefined) facts[k] = v === 'true' ? true : v === 'false' ? false : v;
  }
}
const p = plan(loadCatalog(), { bundleId, facts, ...(region ? { region } : {}) });
console.log(`${p.bundle.name}（${p.region.name}）`);
console.log('\n材料清单:');
for (const c of p.checklist) {
  const tag =
    c.status === 'shared'
      ? `免提交：${c.source}`
      : c.status === 'conditional'
        ? `视情况：${c.condition}`
        : '需提交';
  console.log(`  - ${c.name} [${tag}] ← ${c.matters.join('、')}`);
}
console.log('\n办理步骤:');
for (const s of p.steps) {
  const cond = s.conditional ? ` (视情况：${s.conditional.question})` : '';
  console.log(`  ${s.stage}. ${s.matter.name} — ${s.department}，${s.timeLimit.text}${cond}`);
}
console.log(
  `\n时限：整体承诺 ${p.timing.promisedDays ?? '—'} 个工作日；关键路径 ${p.timing.criticalPathDays} 个工作日`,
);
console.log('\n待确认:');
for (const q of p.questions) console.log(`  - ${q.question} (影响 ${q.impact} 项)`);
console.log('\n引用:');
for (const c of p.citations) console.log(`  - ${c.title} · ${c.section} · ${c.source}`);
