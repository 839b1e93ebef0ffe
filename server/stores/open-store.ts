import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { YishiError } from '../../knowledge/yishi-error.ts';
import { redactUrl } from '../logger.ts';
import type { Database as Tables } from './sql/database.ts';
import { migrations } from './sql/migrations.ts';
import { SqlStore } from './sql/sql-store.ts';

export type { Store } from './session.types.ts';

export type StoreTarget =
  | { sqlite: string }
  | {
      postgres: string;
      /** A schema of its own (tests use one per run); default: the database's search_path. */
      schema?: string;
      /** Most connections kept open (default 10). */
      poolSize?: number;
    };

/**
 * Opens the store and brings its schema up to date: SQLite in a file (WAL, the embedded default) or PostgreSQL
 * (DATABASE_URL). Kysely speaks both with one set of migrations; a database that cannot be reached or migrated
 * is an `unavailable:store` error naming the cause, and start-up stops on it.
 */
export async function openStore(target: StoreTarget): Promise<SqlStore> {
  if ('sqlite' in target) {
    if (target.sqlite !== ':memory:') mkdirSync(dirname(target.sqlite), { recursive: true });
    const sqlite = new Database(target.sqlite);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrate(db, 'sqlite', target.sqlite);
    return new SqlStore(db, 'sqlite');
  }
  const schema = target.schema;
  const pool = new pg.Pool({
    connectionString: target.postgres,
    max: target.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await db.schema.createSchema(schema).ifNotExists().execute();
  } catch (error) {
    await db.destroy();
    throw unreachable(target.postgres, error);
  }
  await migrate(db, 'postgres', redactUrl(target.postgres));
  return new SqlStore(db, 'postgres');
}

async function migrate(db: Kysely<Tables>, dialect: 'sqlite' | 'postgres', where: string): Promise<void> {
  // Kysely looks for its bookkeeping tables in any schema: on PostgreSQL, name the one in use (search_path).
  let migrationTableSchema: string | undefined;
  if (dialect === 'postgres') {
    try {
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
      migrationTableSchema = rows[0]?.schema;
    } catch (error) {
      await db.destroy();
      throw unreachable(where, error);
    }
  }
  const migrator = new Migrator({
    db,
    provider: migrations(dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return;
  await db.destroy();
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  if (failed)
    throw new YishiError('unavailable', 'store', `migration ${failed} failed on ${where}`, { cause: error });
  throw unreachable(where, error);
}

function unreachable(where: string, cause: unknown): YishiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new YishiError('unavailable', 'store', `database ${redactUrl(where)} unreachable: ${reason}`, {
    cause,
  });
}
