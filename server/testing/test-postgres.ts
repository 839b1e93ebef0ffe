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

/**
 * A schema of one's own for a test run: `url` is DATABASE_URL for a server process working in it (after
 * `create`), `drop` removes it with everything in it.
 */
export function testSchema(): {
  schema: string;
  url: string;
  create(): Promise<void>;
  drop(): Promise<void>;
} {
  const schema = `yishi_test_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  return {
    schema,
    url: `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    create: () => run(`CREATE SCHEMA ${schema}`),
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

export const SKIP_POSTGRES = `PostgreSQL at ${TEST_DATABASE_URL} is not reachable: its suites are skipped (CI starts it).`;
