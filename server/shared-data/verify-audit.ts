/**
 * Proves the audit log untampered: recomputes every entry's hash and link.
 * Usage: npm run audit:verify [-- path/to/yishi.sqlite]   (default: DATABASE_URL, else DATA_DIR/yishi.sqlite)
 */
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openStore } from '../stores/open-store.ts';
import { verifyChain } from './audit-chain.ts';

const config = loadConfig();
const file = process.argv[2];
const target =
  file || !config.DATABASE_URL
    ? { sqlite: file ?? join(config.dataDir, 'yishi.sqlite') }
    : { postgres: config.DATABASE_URL };
const where = 'sqlite' in target ? target.sqlite : 'DATABASE_URL';
const store = await openStore(target);
const result = verifyChain(await store.listAudit());
await store.close();
if (result.ok) console.log(`audit log ${where}: ${result.count} entries, chain intact`);
else {
  console.error(`audit log ${where}: BROKEN at entry ${result.seq} (${result.why})`);
  process.exit(1);
}
