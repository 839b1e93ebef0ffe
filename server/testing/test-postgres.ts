import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use (CI starts it on 127.0.0.1:5432, database test, user postgres, trust auth). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether it answers; suites that need it are skipped with this message otherwise. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema of one's own for a test run, and a function that drops it. */
export function testSchema(): { schema: string; drop(): Promise<void> } {
  const schema = `yishi_test_${randomBytes(4).toString('hex')}`;
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export const SKIP_POSTGRES = `PostgreSQL at ${TEST_DATABASE_URL} is not reachable: its suites are skipped (CI starts it).`;
