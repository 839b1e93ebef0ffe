/**
 * Proves the audit log untampered: recomputes every entry's hash and link.
 * Usage: npm run audit:verify [-- path/to/yishi.sqlite]   (default DATA_DIR/yishi.sqlite)
 */
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { SqliteSessionStore } from '../stores/sqlite-session-store.ts';
import { verifyChain } from './audit-chain.ts';

const file = process.argv[2] ?? join(loadConfig().dataDir, 'yishi.sqlite');
const store = new SqliteSessionStore(file);
const result = verifyChain(await store.listAudit());
await store.close();
if (result.ok) console.log(`audit log ${file}: ${result.count} entries, chain intact`);
else {
  console.error(`audit log ${file}: BROKEN at entry ${result.seq} (${result.why})`);
  process.exit(1);
}
