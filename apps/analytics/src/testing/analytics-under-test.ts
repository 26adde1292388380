/**
 * Analytics on its own, fed by events the test publishes (the int-specs of the figures it computes): one TestPlatform
 * (own database schema, subject prefix and streams), the client, a database connection to look at the projection,
 * and `publish` putting a CloudEvent on the prefixed subject as the owning service would (its id as the message id).
 */
import { JSONCodec, connect } from 'nats';
import { Client } from 'pg';
import { AppError } from '@gridline/platform';
import { buildCloudEvent, withPrefix, type CloudEvent, type EventDefinition, type RequestDefinition } from '@gridline/messaging';
import { AnalyticsClient } from '@gridline/contracts-analytics';
import { REGISTRY_EVENTS, type UnitLevel } from '@gridline/contracts-registry';
import { TEST_SERVERS, TestPlatform } from '@gridline/testing';
import { AnalyticsAppModule } from '../analytics-app.module';
import { AnalyticsConfig } from '../analytics.config';

/** An event and the (unprefixed) subject it goes out on. */
export type Published = CloudEvent & { on: string };

export function event<T>(definition: EventDefinition<T>, aggregateId: string, data: T): Published {
  return { ...buildCloudEvent(definition, aggregateId, data, { correlationId: `c-${aggregateId}` }), on: definition.subject };
}

/** The registry's `unit.created` of an active unit without a boundary, named `name-<code>`. */
export const unitCreated = (code: string, level: UnitLevel, path: string[]): Published =>
  event(REGISTRY_EVENTS.unitCreated, code, { unit: { code, name: `name-${code}`, level, kind: null, parentCode: path.at(-2) ?? null, path, active: true, hasBoundary: false } });

/** The AppError a request fails with (throws when it succeeds or fails otherwise, failing the test). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => new Error('expected the request to be refused, it succeeded'), (e: unknown) => e);
  if (!(error instanceof AppError)) throw error instanceof Error ? error : new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

export interface AnalyticsUnderTest {
  analytics: AnalyticsClient;
  db: Client;
  /** The test's own database (its schema `analytics`). */
  databaseUrl: string;
  publish(event: Published): Promise<void>;
  /**
   * Answers one request of another service on the platform's prefix as that service would (Nest's NATS reply), e.g.
   * the registry's staff snapshot: a double of the service, which a test of analytics alone cannot boot. The
   * caller's assertion is not checked.
   */
  answer<TReq, TRes>(definition: RequestDefinition<TReq, TRes>, reply: (data: TReq) => TRes): void;
  close(): Promise<void>;
}

const codec = JSONCodec<{ id: string; data: unknown }>();

/** `env`: analytics' variables beside the platform's (e.g. `ANALYTICS_STATEMENT_TIMEOUT_MS`). */
export async function startAnalyticsUnderTest(env: Record<string, string> = {}): Promise<AnalyticsUnderTest> {
  const platform = await TestPlatform.create();
  await platform.start('analytics', AnalyticsConfig, (config) => AnalyticsAppModule.register(config), env);
  const analytics = new AnalyticsClient(await platform.bus());
  const nc = await connect({ servers: TEST_SERVERS.natsUrl });
  const db = new Client({ connectionString: platform.db.url });
  await db.connect();
  return {
    analytics,
    db,
    databaseUrl: platform.db.url,
    publish: async ({ on, ...e }) => {
      await nc.jetstream().publish(withPrefix(platform.prefix, on), Buffer.from(JSON.stringify(e)), { msgID: e.id });
    },
    answer: (definition, reply) => {
      nc.subscribe(withPrefix(platform.prefix, definition.pattern), {
        callback: (error, msg) => {
          if (error) return;
          const { id, data } = codec.decode(msg.data);
          msg.respond(JSON.stringify({ id, response: reply(data as Parameters<typeof reply>[0]), isDisposed: true }));
        },
      });
    },
    close: async () => {
      await nc.close();
      await db.end();
      await platform.close();
    },
  };
}
