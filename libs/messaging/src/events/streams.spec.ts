import type { JetStreamManager, StreamConfig } from 'nats';
import { ensureStream } from './streams';

/** A JetStream manager that knows the streams it was given and records what is added. */
function fakeManager(existing: string[] = []) {
  const added: Partial<StreamConfig>[] = [];
  const jsm = {
    streams: {
      info: async (name: string) => {
        if (existing.includes(name)) return { config: { name, num_replicas: 1 } };
        throw Object.assign(new Error('stream not found'), { code: '404' });
      },
      add: async (config: Partial<StreamConfig>) => {
        added.push(config);
        return { config };
      },
    },
  } as unknown as JetStreamManager;
  return { jsm, added };
}

describe(ensureStream.name, () => {
  it('creates a missing stream with one replica by default', async () => {
    const { jsm, added } = fakeManager();
    await expect(ensureStream(jsm, '', 'registry')).resolves.toBe('GRIDLINE_REGISTRY');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ name: 'GRIDLINE_REGISTRY', num_replicas: 1 });
  });

  it('creates it with the replicas asked for (NATS_STREAM_REPLICAS=3 on a 3-node cluster)', async () => {
    const { jsm, added } = fakeManager();
    await ensureStream(jsm, 't1', 'incidents', 3);
    expect(added).toEqual([expect.objectContaining({ num_replicas: 3 })]);
  });

  it('leaves an existing stream as it is', async () => {
    const { jsm, added } = fakeManager(['GRIDLINE_HOTLINE']);
    await expect(ensureStream(jsm, '', 'hotline', 3)).resolves.toBe('GRIDLINE_HOTLINE');
    expect(added).toEqual([]);
  });
});
