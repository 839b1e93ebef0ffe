/**
 * Benchmarks (speed and memory; quality is `npm run eval`).
 * Usage: npm run bench -- retrieval [--size N]   |   turn [--rounds N]   |   fuzz [--runs N] [--seed N]   |   load [--chats N]   |   crash [--sessions N]   |   faults
 */
import { crashBench } from './crash.bench.ts';
import { faultsBench } from './faults.bench.ts';
import { fuzzBench } from './fuzz.bench.ts';
import { loadBench } from './load.bench.ts';
import { retrievalBench } from './retrieval.bench.ts';
import { turnBench } from './turn.bench.ts';

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  retrieval: retrievalBench,
  turn: turnBench,
  fuzz: fuzzBench,
  load: loadBench,
  crash: crashBench,
  faults: faultsBench,
};

const [task = 'retrieval', ...rest] = process.argv.slice(2);
const bench = BENCHES[task];
if (!bench) {
  console.error(`unknown benchmark ${task}; available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
await bench(rest);
