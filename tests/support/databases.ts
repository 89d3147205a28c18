/** The databases suites run on: embedded PGlite, and fresh databases on the throwaway PostgreSQL. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database on the throwaway PostgreSQL server the global setup started. */
export async function freshPostgresUrl(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set: the global setup starts PostgreSQL');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The two backends every integration suite runs against. */
export const backends = ['pglite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

/** Store options for a fresh database of a backend. */
export async function storeOptionsFor(backend: Backend): Promise<{ dataDir: string; databaseUrl?: string }> {
  return backend === 'pglite'
    ? { dataDir: 'memory://' }
    : { dataDir: 'memory://', databaseUrl: await freshPostgresUrl() };
}
