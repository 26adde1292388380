import { DiscardPolicy, RetentionPolicy, StorageType, nanos, type JetStreamManager } from 'nats';
import { streamName, streamSubjects } from './subjects';

/** How long a stream keeps its events: a consumer reset or a new consumer can be handed any of them again. */
export const STREAM_MAX_AGE_DAYS = 30;

/**
 * Creates the stream of a service's events if it does not exist yet. Publishers and subscribers
 * both call it, so start-up order does not matter. `replicas` (NATS_STREAM_REPLICAS; 3 on a 3-node
 * cluster) applies only when the stream is created: an existing stream keeps its own.
 */
export async function ensureStream(jsm: JetStreamManager, prefix: string, service: string, replicas = 1): Promise<string> {
  const name = streamName(prefix, service);
  try {
    await jsm.streams.info(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      await jsm.streams.add({
        name,
        subjects: streamSubjects(prefix, service),
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        max_age: nanos(STREAM_MAX_AGE_DAYS * 24 * 3600 * 1000),
        duplicate_window: nanos(2 * 60 * 1000),
        num_replicas: replicas,
      });
    } catch (addError) {
      // Another replica may have created it between our look and our add.
      if (!String((addError as Error).message).includes('already in use')) throw addError;
    }
  }
  return name;
}

export function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; message?: string; api_error?: { err_code?: number } };
  return e?.code === '404' || /not found/i.test(e?.message ?? '');
}
