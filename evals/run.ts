/**
 * Runs evaluation tasks on the datasets in evals/datasets and writes a report per task.
 * Usage: npm run eval [-- <task> ...]   (no task = all)
 */
import { buildKnowledge } from '../knowledge/index.ts';
import { routingTask } from './runners/routing.ts';

const TASKS: Record<string, (k: ReturnType<typeof buildKnowledge>) => Promise<void>> = {
  routing: routingTask,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((t) => !(t in TASKS));
if (unknown.length > 0) {
  console.error(`unknown task(s): ${unknown.join(', ')}; available: ${Object.keys(TASKS).join(', ')}`);
  process.exit(2);
}
const knowledge = buildKnowledge();
for (const name of asked.length > 0 ? asked : Object.keys(TASKS)) {
  const task = TASKS[name];
  if (task) await task(knowledge);
}
