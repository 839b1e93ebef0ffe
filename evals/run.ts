/**
 * Runs evaluation tasks on the datasets in evals/datasets and writes a report per task.
 * Usage: npm run eval [-- <task> ...]   (no task = all)
 *
 * The knowledge is the authored catalog plus the imported catalogs the server would load (KNOWLEDGE_DIRS or
 * DATA_DIR/catalogs/*); when none is imported and ../shared/data/hunan exists, it is imported into a
 * temporary folder first, so region versions are evaluated too.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importHunan } from '../knowledge/import/hunan/import-hunan.ts';
import { buildKnowledge, DEFAULT_CATALOG_DIR, type Knowledge, loadCatalog } from '../knowledge/index.ts';
import { loadConfig } from '../server/config.ts';
import { COPILOT_HOLDOUT, copilotTask } from './runners/copilot.ts';
import { dialoguesTask } from './runners/dialogues.ts';
import { guardrailsTask, holdoutGuardrailsTask } from './runners/guardrails.ts';
import { PREFILL_HOLDOUTS, prefillTask } from './runners/prefill.ts';
import { retrievalTask } from './runners/retrieval.ts';
import { holdoutRoutingTask, routingTask } from './runners/routing.ts';
import { sentinelTask } from './runners/sentinel.ts';
import { VOICE_HOLDOUT, voiceTask } from './runners/voice.ts';

const TASKS: Record<string, (k: Knowledge) => Promise<void>> = {
  routing: routingTask,
  dialogues: dialoguesTask,
  guardrails: guardrailsTask,
  sentinel: sentinelTask,
  prefill: (k) => prefillTask(k),
  'prefill-holdout': async (k) => {
    for (const set of PREFILL_HOLDOUTS) await prefillTask(k, [set.file], set.name);
  },
  holdout: async (k) => {
    for (const set of ['holdout', 'holdout2']) {
      await holdoutRoutingTask(k, set);
      await holdoutGuardrailsTask(k, set);
    }
  },
  retrieval: () => retrievalTask(),
  voice: voiceTask,
  copilot: copilotTask,
  'copilot-holdout': (k) => copilotTask(k, COPILOT_HOLDOUT, 'copilot-holdout'),
  'voice-holdout': (k) => voiceTask(k, VOICE_HOLDOUT, 'voice-holdout'),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((t) => !(t in TASKS));
if (unknown.length > 0) {
  console.error(`unknown task(s): ${unknown.join(', ')}; available: ${Object.keys(TASKS).join(', ')}`);
  process.exit(2);
}

const config = loadConfig();
let dirs = config.knowledgeDirs;
const hunan = join(import.meta.dirname, '..', '..', 'shared', 'data', 'hunan');
if (dirs.length === 0 && existsSync(hunan)) {
  const out = join(mkdtempSync(join(tmpdir(), 'yishi-eval-')), 'hunan');
  importHunan({ input: hunan, output: out, authoredRoot: DEFAULT_CATALOG_DIR, authored: loadCatalog() });
  dirs = [out];
  console.log(`imported ${hunan} for this run`);
}
const knowledge = await buildKnowledge(loadCatalog([DEFAULT_CATALOG_DIR, ...dirs]));
for (const name of asked.length > 0 ? asked : Object.keys(TASKS)) {
  const task = TASKS[name];
  if (task) await task(knowledge);
}
