import { createHash, randomUUID } from 'node:crypto';
import exifr from 'exifr';
import type { Client } from 'pg';
import { stripJpeg } from '@gridline/media';
import type { Caller } from '@gridline/auth';
import { PhotoUploadJanitor } from '@gridline/messaging';
import { ActivityPhotosClient, type ActivityPhotoView } from '@gridline/contracts-party-building';
import { jpegFixture, multipartBody, pngFixture } from '@gridline/testing';
import { PARTY_STREET, foundPartyTree, startPartyStreet } from './support/party-street';
import type { StreetFixture } from './support/street-fixture';

const { STREET, COMMUNITY, GRID } = PARTY_STREET;
const GPS = { lat: 37.4612, lng: 118.5081 };
const MINUTE = 60_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Photos of an activity's report through the gateway's one photo pipeline (the one cases use): a JPEG with GPS stored
 * without its EXIF and its location kept, listed on the report and served to readers of the activity; a file that is
 * not a photo refused with 415 naming `photo`; a secretary of another community answered 404, on the photo as on the
 * upload; photos before the report 409.
 */
describe('/api/v1/party/activities/:id/report/photos', () => {
  let walk: StreetFixture;
  let db: Client;
  let activityId: string;
  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const upload = (who: string, id: string, parts: Parameters<typeof multipartBody>[0]) => {
    const { body, contentType } = multipartBody(parts);
    return walk.call(who, 'POST', `/api/v1/party/activities/${id}/report/photos`, body, { 'content-type': contentType });
  };
  const photo = (bytes: Buffer, filename = 'IMG_0001.jpg', contentType = 'image/jpeg') => ({ name: 'photo', filename, contentType, bytes });

  beforeAll(async () => {
    walk = await startPartyStreet({ gateway: { REQUEST_TIMEOUT_MS: '10000' } });
    db = await walk.db();
    const { branch: branchId } = await foundPartyTree(walk);
    const created = await call('secretary', 'POST', '/api/v1/party/activities', {
      organisationId: branchId,
      kind: 'volunteer_service',
      title: '志愿服务：清理楼道',
      startsAt: new Date(Date.now() + 10 * MINUTE).toISOString(),
      endsAt: new Date(Date.now() + 130 * MINUTE).toISOString(),
      address: '幸福路 1 号',
      capacity: 20,
      audience: 'organisation',
      hours: 2,
    });
    expect(created.statusCode).toBe(201);
    activityId = created.json().id;
  });

  afterAll(async () => {
    await db?.end();
    await walk?.close();
  });

  it('takes photos only once the report is submitted', async () => {
    const early = await upload('secretary', activityId, [photo(jpegFixture())]);
    expect(early.statusCode).toBe(409);
    // The activity is over (moved in the database instead of waiting), and reported.
    await db.query(`update party_building.activity set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 minute' where id = $1`, [activityId]);
    expect((await call('secretary', 'POST', `/api/v1/party/activities/${activityId}/report`, { summary: '清理楼道三栋' })).statusCode).toBe(201);
  });

  it('stores a JPEG without its EXIF, keeps its location, lists it on the report and serves it to readers of the activity', async () => {
    const original = jpegFixture({ gps: GPS, xmp: true });
    const response = await upload('secretary', activityId, [photo(original), photo(pngFixture(), 'IMG_0002.png', 'image/png')]);

    expect(response.statusCode).toBe(201);
    const [jpeg, png]: ActivityPhotoView[] = response.json().photos;
    expect(jpeg).toMatchObject({ activityId, mediaType: 'image/jpeg', exifLocation: GPS, uploadedBy: 'sec-1', url: `/api/v1/party/activities/${activityId}/report/photos/${jpeg.id}` });
    expect(jpeg.sha256).toBe(sha256(stripJpeg(original).bytes));
    expect(png).toMatchObject({ mediaType: 'image/png', exifLocation: null });

    const report = (await call('admin', 'GET', `/api/v1/party/activities/${activityId}/report`)).json();
    expect(report.photos.map((p: ActivityPhotoView) => [p.id, p.mediaType, p.size, p.exifLocation])).toEqual([
      [jpeg.id, 'image/jpeg', jpeg.size, GPS],
      [png.id, 'image/png', png.size, null],
    ]);

    const served = await call('admin', 'GET', jpeg.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['cache-control']).toMatch(/^private/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256(served.rawPayload)).toBe(jpeg.sha256);
    expect(await exifr.gps(served.rawPayload)).toBeUndefined();

    const [event] = (await db.query(`select payload from party_building.outbox where type = 'gridline.party-building.activity.photo_added.v1' and aggregate_key like '%' || $1 order by id`, [activityId])).rows;
    expect(event.payload.data ?? event.payload).toEqual({ activityId, photoId: jpeg.id, organisationId: expect.any(String), unitCode: GRID, unitPath: [STREET, COMMUNITY, GRID] });

    // Outside the activity's units: 404 on the photo (as for one that does not exist) and on the upload.
    expect((await call('otherSecretary', 'GET', jpeg.url)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `/api/v1/party/activities/${activityId}/report/photos/${randomUUID()}`)).statusCode).toBe(404);
    expect((await upload('otherSecretary', activityId, [photo(jpegFixture())])).statusCode).toBe(404);
  });

  it('refuses a file that is not a photo by its content with 415 naming photo, storing nothing', async () => {
    const before = (await call('admin', 'GET', `/api/v1/party/activities/${activityId}/report`)).json().photos.length;
    const text = await upload('secretary', activityId, [photo(Buffer.from('这不是照片\n'), 'scene.jpg')]);

    expect(text.statusCode).toBe(415);
    expect(text.json().errors).toEqual([{ field: 'photo', reasons: [expect.stringContaining('is text')] }]);
    expect((await call('secretary', 'POST', `/api/v1/party/activities/${activityId}/report/photos`, { photo: 'x' })).statusCode).toBe(415);
    expect((await call('admin', 'GET', `/api/v1/party/activities/${activityId}/report`)).json().photos).toHaveLength(before);
  });

  it('removes an upload never committed once it expires, with its chunks', async () => {
    const photos = new ActivityPhotosClient(await walk.platform.bus());
    const secretary: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] };
    const bytes = stripJpeg(jpegFixture({ size: 700_000 })).bytes;
    const [ticket] = (await photos.begin(secretary, activityId, [{ mediaType: 'image/jpeg', size: bytes.length, sha256: sha256(bytes) }])).uploads;
    await photos.sendChunk(secretary, ticket.photoId, 0, bytes.subarray(0, ticket.chunkBytes));

    await db.query(`update party_building.activity_photo set expires_at = now() - interval '1 second' where id = $1`, [ticket.photoId]);
    await walk.service('party-building').app.get(PhotoUploadJanitor).tick();

    expect((await db.query(`select count(*)::int as n from party_building.activity_photo where id = $1`, [ticket.photoId])).rows[0].n).toBe(0);
    expect((await db.query(`select count(*)::int as n from party_building.photo_upload_chunk where photo_id = $1`, [ticket.photoId])).rows[0].n).toBe(0);
  });
});
