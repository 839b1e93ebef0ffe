import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import type { Dialect } from './database.ts';

/**
 * One set of migrations for both databases. The first creates the schema the SQLite store has used since issue 4
 * (IF NOT EXISTS, so an existing data/yishi.sqlite is taken over as it is); later ones change it. Text columns
 * hold ISO times and JSON records on both sides.
 */
export function migrations(dialect: Dialect): MigrationProvider {
  const list: Record<string, Migration> = {
    '001-initial': {
      async up(db: Kysely<unknown>) {
        const table = (name: string) => db.schema.createTable(name).ifNotExists();
        await table('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await table('turns')
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('turns_pk', ['session_id', 'seq'])
          .execute();
        await table('feedback')
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('feedback_pk', ['session_id', 'seq'])
          .execute();
        await table('consents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .execute();
        await table('audit_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await table('case_codes')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await table('case_access')
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('agent', 'text', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('case_access_pk', ['session_id', 'agent'])
          .execute();
        await table('work_orders')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await table('turn_replies')
          .addColumn('turn_id', 'text', (c) => c.primaryKey())
          .addColumn('session_id', 'text', (c) => c.notNull())
          .addColumn('reply', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await appendOnlyAudit(db, dialect);
      },
    },
    // Columns queries filter and order by, instead of reaching into JSON (json_extract is SQLite's own).
    '002-query-columns': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('turns').addColumn('outcome', 'text').execute();
        await db.schema.alterTable('consents').addColumn('created_at', 'text').execute();
        const json = (column: string, key: string) =>
          dialect === 'postgres'
            ? sql.raw(`(${column}::json->>'${key}')`)
            : sql.raw(`json_extract(${column}, '$.${key}')`);
        await sql`UPDATE turns SET outcome = ${json('record', 'outcome')}`.execute(db);
        await sql`UPDATE consents SET created_at = ${json('record', 'grantedAt')}`.execute(db);
        await sql`DROP INDEX IF EXISTS turns_outcome`.execute(db);
        await db.schema
          .createIndex('turns_by_outcome')
          .ifNotExists()
          .on('turns')
          .columns(['outcome', 'created_at'])
          .execute();
        await db.schema
          .createIndex('consents_by_session')
          .ifNotExists()
          .on('consents')
          .columns(['session_id', 'created_at'])
          .execute();
        await db.schema
          .createIndex('feedback_by_time')
          .ifNotExists()
          .on('feedback')
          .column('created_at')
          .execute();
        await db.schema
          .createIndex('case_access_by_agent')
          .ifNotExists()
          .on('case_access')
          .columns(['agent', 'at'])
          .execute();
        await db.schema
          .createIndex('work_orders_by_session')
          .ifNotExists()
          .on('work_orders')
          .column('session_id')
          .execute();
      },
    },
  };
  return { getMigrations: async () => list };
}

/** The database itself refuses to change or remove an audit entry, on either engine. */
async function appendOnlyAudit(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER IF NOT EXISTS audit_no_${op.toLowerCase()} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
        )
        .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  await sql.raw('DROP TRIGGER IF EXISTS audit_no_change ON audit_log').execute(db);
  await sql
    .raw(
      'CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()',
    )
    .execute(db);
}
