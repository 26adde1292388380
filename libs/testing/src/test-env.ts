import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { connect } from 'nats';

/** The servers tests run against: DATABASE_URL / NATS_URL, or the local defaults (or testcontainers, see jest.global-setup). */
export const TEST_SERVERS = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
};

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A database of the test file's own, dropped afterwards: runs never collide, leftovers never matter. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `gl_test_${uniqueSuffix()}`;
  const admin = new Client({ connectionString: TEST_SERVERS.databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_SERVERS.databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: TEST_SERVERS.databaseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A subject prefix of the test file's own (`t<hex>`); its streams are removed by removeStreams. */
export function testPrefix(): string {
  return `t${uniqueSuffix()}`;
}

/** Deletes the JetStream streams created under a test prefix. */
export async function removeStreams(prefix: string): Promise<void> {
  const nc = await connect({ servers: TEST_SERVERS.natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    const wanted = `${prefix.toUpperCase()}_`;
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(wanted)) await jsm.streams.delete(stream.config.name);
    }
  } finally {
    await nc.close();
  }
}
