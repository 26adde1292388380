import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { Pool } from 'pg';

/**
 * The floor: the same two operations as the gateway, on the same PostgreSQL, with nothing around
 * them. No validation, no auth, no bus, no ORM, no outbox: one statement per request on a pool of
 * 10 connections (the registry's default DB_POOL_SIZE). It runs inside the bench process.
 */
export interface Baseline {
  url: string;
  close(): Promise<void>;
}

interface UnitBody {
  code: string;
  name: string;
  level: string;
  parentCode?: string;
}

const SCHEMA = `create table if not exists baseline_unit (
  code text primary key,
  name text,
  level text,
  parent_code text,
  path text[],
  created_at timestamptz default now()
)`;

/**
 * Serves a floor in this process on an ephemeral port of 127.0.0.1: a pool of 10 connections on the run's
 * database and a bare Fastify app, to which `routes` adds its tables and routes. Closing it ends both; a failure
 * while starting ends them too.
 */
export async function serveBaseline(databaseUrl: string, routes: (app: FastifyInstance, pool: Pool) => Promise<void>): Promise<Baseline & { pool: Pool }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  try {
    await routes(app, pool);
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app.close().catch(() => undefined);
    await pool.end();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

export async function startBaseline(databaseUrl: string): Promise<Baseline> {
  return serveBaseline(databaseUrl, async (app, pool) => {
    await pool.query(SCHEMA);
    app.post<{ Body: UnitBody }>('/units', async (request, reply) => {
      const { code, name, level, parentCode } = request.body;
      // The registry reads the parent's path; the floor trusts the client for it.
      const path = parentCode ? [parentCode, code] : [code];
      const { rows } = await pool.query(
        'insert into baseline_unit (code, name, level, parent_code, path) values ($1, $2, $3, $4, $5) returning *',
        [code, name, level, parentCode ?? null, path],
      );
      return reply.code(201).send(rows[0]);
    });
    app.get<{ Params: { code: string } }>('/units/:code', async (request, reply) => {
      const { rows } = await pool.query('select * from baseline_unit where code = $1', [request.params.code]);
      if (rows.length === 0) return reply.code(404).send({ message: 'not found' });
      return rows[0];
    });
  });
}
