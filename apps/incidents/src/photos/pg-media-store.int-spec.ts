import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { MEDIA_STORE, type MediaStore } from '@gridline/media';
import { PgMediaStore } from '@gridline/persistence';
import { TestPlatform, jpegFixture } from '@gridline/testing';
import { IncidentsAppModule } from '../incidents-app.module';
import { IncidentsConfig } from '../incidents.config';

describe(PgMediaStore.name, () => {
  let platform: TestPlatform;
  let store: MediaStore;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    const incidents = await platform.start('incidents', IncidentsConfig, (config) => IncidentsAppModule.register(config, { startWorkers: false }));
    store = incidents.app.get<MediaStore>(MEDIA_STORE);
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  it('is the default MediaStore of the incidents service', () => {
    expect(store).toBeInstanceOf(PgMediaStore);
  });

  it('keeps bytes by id with their type, size and SHA-256, and reads them whole or by range', async () => {
    const id = randomUUID();
    const bytes = jpegFixture({ size: 300_000 });

    const stored = await store.put(id, bytes, 'image/jpeg');

    expect(stored).toEqual({ id, mediaType: 'image/jpeg', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), createdAt: expect.any(String) });
    expect(await store.head(id)).toEqual(stored);
    expect(await store.get(id)).toEqual(bytes);
    expect(await store.get(id, { offset: 1000, length: 4096 })).toEqual(bytes.subarray(1000, 5096));
    // A slice past the end is shorter; one wholly beyond it is empty.
    expect(await store.get(id, { offset: bytes.length - 10, length: 4096 })).toEqual(bytes.subarray(bytes.length - 10));
    expect(await store.get(id, { offset: bytes.length + 5, length: 10 })).toEqual(Buffer.alloc(0));
  });

  it('stores in the incidents schema as bytea kept out of compression (storage external)', async () => {
    const { rows } = await db.query(
      `select a.attstorage, t.typname from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid
        where n.nspname = 'incidents' and c.relname = 'media_object' and a.attname = 'content'`,
    );
    expect(rows).toEqual([{ attstorage: 'e', typname: 'bytea' }]);
  });

  it('takes the same id with the same bytes again without change, and refuses other bytes under it', async () => {
    const id = randomUUID();
    const first = await store.put(id, Buffer.from([0xff, 0xd8, 0xff, 1]), 'image/jpeg');

    expect(await store.put(id, Buffer.from([0xff, 0xd8, 0xff, 1]), 'image/jpeg')).toEqual(first);
    await expect(store.put(id, Buffer.from([0xff, 0xd8, 0xff, 2]), 'image/jpeg')).rejects.toThrow('other content');
    expect(await store.get(id)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 1]));
  });

  it('answers null for what it does not hold, and deletes (twice without error)', async () => {
    const id = randomUUID();
    await store.put(id, Buffer.from('x'), 'image/png');

    await store.delete(id);
    await store.delete(id);

    expect(await store.head(id)).toBeNull();
    expect(await store.get(id)).toBeNull();
    expect(await store.get(randomUUID(), { offset: 0, length: 1 })).toBeNull();
  });
});
