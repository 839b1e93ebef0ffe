/** Benchmarks (speed and memory; quality is `npm run eval`). Usage: npm run bench -- retrieval [--size N] */
import { retrievalBench } from './retrieval.bench.ts';

const [task = 'retrieval', ...rest] = process.argv.slice(2);
if (task !== 'retrieval') {
  console.error(`unknown benchmark ${task}; available: retrieval`);
  process.exit(2);
}
await retrievalBench(rest);
