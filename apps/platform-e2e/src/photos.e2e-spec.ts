import { createHash, randomUUID } from 'node:crypto';
import exifr from 'exifr';
import type { Client } from 'pg';
import { PhotoUploadJanitor } from '@gridline/messaging';
import { type Caller } from '@gridline/auth';
import { stripJpeg } from '@gridline/media';
import { PhotosClient, type IncidentView, type PhotoView } from '@gridline/contracts-incidents';
import { jpegFixture, multipartBody, pngFixture, unitFactory, type RunningTestService } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_GRID = '370502003002001';
const GPS = { lat: 37.4612, lng: 118.5081 };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('photos of cases through the gateway', () => {
  let walk: StreetFixture;
  let incidents: RunningTestService;
  let db: Client;
  let caseId = '';

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents'], gateway: { REQUEST_TIMEOUT_MS: '10000' } });
    incidents = walk.service('incidents');
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
    await walk.seed({
      units: [
        unitFactory().street(STREET).build(),
        unitFactory().community(COMMUNITY).build(),
        unitFactory().grid(GRID).at(118.5, 37.4).build(),
        unitFactory().community(OTHER_COMMUNITY).build(),
        unitFactory().grid(OTHER_GRID).at(118.6, 37.4).build(),
      ],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      colleague: { sub: 'staff-3', roles: ['grid_staff'], units: [GRID] },
      otherStaff: { sub: 'staff-2', roles: ['grid_staff'], units: [OTHER_GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
    });
    const reported = await walk.untilCreated(() => call('staff', 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title: '东门垃圾', description: '东门外堆放建筑垃圾', gridCode: GRID, source: 'patrol' }));
    caseId = reported.json().incident.id;
    db = await walk.db();
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const upload = (who: string, id: string, parts: Parameters<typeof multipartBody>[0], headers: Record<string, string> = {}) => {
    const { body, contentType } = multipartBody(parts);
    return walk.call(who, 'POST', `/api/v1/incidents/${id}/photos`, body, { 'content-type': contentType, ...headers });
  };
  const photo = (bytes: Buffer, filename = 'IMG_0001.jpg', contentType = 'image/jpeg') => ({ name: 'photo', filename, contentType, bytes });

  describe('POST /api/v1/incidents/:id/photos', () => {
    let stored: PhotoView;

    it('stores a grid member\'s JPEG without its EXIF, keeping the location it held, and adds it to the case', async () => {
      const original = jpegFixture({ gps: GPS, xmp: true });
      const key = randomUUID();

      const response = await upload('staff', caseId, [photo(original), { name: 'stage', value: 'before' }], { 'idempotency-key': key });

      expect(response.statusCode).toBe(201);
      [stored] = response.json().photos;
      expect(stored).toMatchObject({ incidentId: caseId, mediaType: 'image/jpeg', stage: 'before', exifLocation: GPS, uploadedBy: 'staff-1', url: `/api/v1/incidents/${caseId}/photos/${stored.id}` });
      expect(stored.sha256).toBe(sha256(stripJpeg(original).bytes));
      const view: IncidentView = (await call('staff', 'GET', `/api/v1/incidents/${caseId}`)).json();
      expect(view.attachments).toEqual([{ id: stored.id, url: stored.url, mediaType: 'image/jpeg', sha256: stored.sha256, stage: 'before' }]);
      const timeline = (await call('staff', 'GET', `/api/v1/incidents/${caseId}/timeline`)).json();
      expect(timeline.at(-1)).toMatchObject({ action: 'photo_added', actor: 'staff-1', details: { photoId: stored.id, stage: 'before' } });

      // A retry with the same Idempotency-Key stores nothing more and answers the same photo.
      const retried = await upload('staff', caseId, [photo(original), { name: 'stage', value: 'before' }], { 'idempotency-key': key });
      expect(retried.statusCode).toBe(201);
      expect(retried.json().photos.map((p: PhotoView) => p.id)).toEqual([stored.id]);
      const rows = await db.query(`select count(*)::int as n from incidents.incident_photo where incident_id = $1`, [caseId]);
      expect(rows.rows[0].n).toBe(1);
      expect((await call('staff', 'GET', `/api/v1/incidents/${caseId}`)).json().attachments).toHaveLength(1);
    });

    it('serves the stored copy — no EXIF, the right type, private and not sniffable — to callers who may see the case', async () => {
      const response = await call('colleague', 'GET', stored.url);

      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['cache-control']).toMatch(/^private/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const bytes = response.rawPayload;
      expect(sha256(bytes)).toBe(stored.sha256);
      expect(await exifr.gps(bytes)).toBeUndefined();
      expect(bytes.includes(Buffer.from('GridlineCam'))).toBe(false);
      expect(bytes.includes(Buffer.from('xmpmeta'))).toBe(false);
    });

    it('answers 404 to a caller outside the grid, as for a photo that does not exist', async () => {
      const hidden = await call('otherStaff', 'GET', stored.url);
      const missing = await call('staff', 'GET', `/api/v1/incidents/${caseId}/photos/${randomUUID()}`);

      expect(hidden.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(hidden.json().code).toBe(missing.json().code);
      expect(hidden.headers['cache-control']).toBe('no-store');
      expect((await upload('otherStaff', caseId, [photo(jpegFixture())])).statusCode).toBe(404);
    });

    it('refuses a 12 MB photo with 413 naming the field', async () => {
      const response = await upload('staff', caseId, [photo(jpegFixture({ size: 12 * 1024 * 1024 }))]);

      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', errors: [{ field: 'photo' }] });
    });

    it('refuses a text file named .jpg with 415 naming the field, whatever its declared type', async () => {
      const response = await upload('staff', caseId, [photo(Buffer.from('这不是照片，只是文字。\n'), 'scene.jpg', 'image/jpeg')]);

      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ field: 'photo', reasons: [expect.stringContaining('text')] }] });
    });

    it('refuses JSON, unknown fields and a bad stage, and stores nothing for them', async () => {
      const before = (await db.query(`select count(*)::int as n from incidents.incident_photo`)).rows[0].n;
      expect((await call('staff', 'POST', `/api/v1/incidents/${caseId}/photos`, { photo: 'x' })).statusCode).toBe(415);
      expect((await upload('staff', caseId, [photo(jpegFixture()), { name: 'caption', value: 'x' }])).json()).toMatchObject({ status: 400, errors: [{ field: 'caption' }] });
      expect((await upload('staff', caseId, [photo(jpegFixture()), { name: 'stage', value: 'during' }])).json()).toMatchObject({ status: 400, errors: [{ field: 'stage' }] });
      expect((await upload('staff', caseId, [{ name: 'stage', value: 'before' }])).json()).toMatchObject({ status: 400, errors: [{ field: 'photo' }] });
      expect((await upload('staff', caseId, [photo(jpegFixture().subarray(0, 60))])).json()).toMatchObject({ status: 400, errors: [{ field: 'photo' }] });
      expect((await db.query(`select count(*)::int as n from incidents.incident_photo`)).rows[0].n).toBe(before);
    });

    it('carries a photo larger than one bus message in chunks, byte for byte', async () => {
      const original = pngFixture({ gps: GPS, size: 2_500_000 });
      const jpeg = jpegFixture({ gps: GPS, size: 1_500_000 });

      const response = await upload('staff', caseId, [photo(original, 'big.png', 'application/octet-stream'), photo(jpeg)]);

      expect(response.statusCode).toBe(201);
      const [big, second] = response.json().photos as PhotoView[];
      expect(second.sha256).toBe(sha256(stripJpeg(jpeg).bytes));
      expect(sha256((await call('staff', 'GET', second.url)).rawPayload)).toBe(second.sha256);
      expect(big).toMatchObject({ mediaType: 'image/png', exifLocation: GPS });
      expect(big.size).toBeGreaterThan(2 * 1024 * 1024);
      const served = await call('staff', 'GET', big.url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.rawPayload.length).toBe(big.size);
      expect(sha256(served.rawPayload)).toBe(big.sha256);
      expect((await db.query(`select count(*)::int as n from incidents.photo_upload_chunk`)).rows[0].n).toBe(0);
    });
  });

  describe('after photos and the handling', () => {
    it('takes after photos from whoever may handle the case, and handle names them by id', async () => {
      expect((await upload('staff', caseId, [photo(jpegFixture()), { name: 'stage', value: 'after' }])).statusCode).toBe(409);
      for (const [action, body] of [['accept', {}], ['dispatch', {}]] as const) expect((await call('community', 'POST', `/api/v1/incidents/${caseId}/actions/${action}`, body)).statusCode).toBe(200);
      expect((await call('staff', 'POST', `/api/v1/incidents/${caseId}/actions/sign`, {})).statusCode).toBe(200);
      // Before photos belong to the report: the case is under way now.
      expect((await upload('staff', caseId, [photo(jpegFixture())])).statusCode).toBe(409);

      const response = await upload('staff', caseId, [photo(jpegFixture({ gps: GPS, orientation: 6 })), photo(pngFixture(), 'b.png'), { name: 'stage', value: 'after' }]);

      expect(response.statusCode).toBe(201);
      const after = response.json().photos as PhotoView[];
      expect(after.map((p) => p.stage)).toEqual(['after', 'after']);
      const [before] = (await call('staff', 'GET', `/api/v1/incidents/${caseId}`)).json().attachments;
      const wrong = await call('staff', 'POST', `/api/v1/incidents/${caseId}/actions/handle`, { result: '已清运', attachments: [{ photoId: before.id }] });
      expect(wrong.json()).toMatchObject({ status: 400, errors: [{ field: 'attachments.0.photoId' }] });
      const unknown = await call('staff', 'POST', `/api/v1/incidents/${caseId}/actions/handle`, { result: '已清运', attachments: [{ photoId: randomUUID() }] });
      expect(unknown.json()).toMatchObject({ status: 400, errors: [{ field: 'attachments.0.photoId' }] });

      const handled = await call('staff', 'POST', `/api/v1/incidents/${caseId}/actions/handle`, { result: '已清运', attachments: after.map((p) => ({ photoId: p.id })) });

      expect(handled.statusCode).toBe(200);
      expect(handled.json().handling.attachments).toEqual(after.map((p) => ({ id: p.id, url: p.url, mediaType: p.mediaType, sha256: p.sha256, stage: 'after' })));
      const row = await db.query(`select handling from incidents.incident where id = $1`, [caseId]);
      expect(row.rows[0].handling.attachments).toEqual(after.map((p) => ({ id: p.id, url: p.url, mediaType: p.mediaType, sha256: p.sha256, stage: 'after' })));
    });
  });

  describe('an upload that stops half way', () => {
    it('is never visible and is removed once it expires', async () => {
      const reported = await call('staff', 'POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title: '西门垃圾', description: '西门外堆放生活垃圾', gridCode: GRID, source: 'patrol' });
      const id = reported.json().incident.id as string;
      const photos = new PhotosClient(await walk.platform.bus());
      const staff: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] };
      const bytes = stripJpeg(jpegFixture({ size: 700_000 })).bytes;
      const { uploads } = await photos.begin(staff, id, 'before', [{ mediaType: 'image/jpeg', size: bytes.length, sha256: sha256(bytes) }]);
      const [ticket] = uploads;
      expect(ticket.chunks).toBe(2);
      await photos.sendChunk(staff, ticket.photoId, 0, bytes.subarray(0, ticket.chunkBytes));

      await expect(photos.commit(staff, ticket.photoId)).rejects.toMatchObject({ code: 'PHOTO_UPLOAD_INCOMPLETE', details: { missingChunks: [1] } });
      expect((await call('staff', 'GET', `/api/v1/incidents/${id}/photos/${ticket.photoId}`)).statusCode).toBe(404);
      expect((await call('staff', 'GET', `/api/v1/incidents/${id}`)).json().attachments).toEqual([]);
      // Someone else cannot add to it either.
      await expect(photos.sendChunk({ ...staff, sub: 'staff-3' }, ticket.photoId, 1, bytes.subarray(ticket.chunkBytes))).rejects.toMatchObject({ code: 'PHOTO_NOT_FOUND' });

      await db.query(`update incidents.incident_photo set expires_at = now() - interval '1 second' where id = $1`, [ticket.photoId]);
      await incidents.app.get(PhotoUploadJanitor).tick();

      expect((await db.query(`select count(*)::int as n from incidents.incident_photo where id = $1`, [ticket.photoId])).rows[0].n).toBe(0);
      expect((await db.query(`select count(*)::int as n from incidents.photo_upload_chunk where photo_id = $1`, [ticket.photoId])).rows[0].n).toBe(0);
      await expect(photos.sendChunk(staff, ticket.photoId, 1, bytes.subarray(ticket.chunkBytes))).rejects.toMatchObject({ code: 'PHOTO_NOT_FOUND' });
    });
  });
});
