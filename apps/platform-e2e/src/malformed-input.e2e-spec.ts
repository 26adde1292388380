import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** Every class of malformed input that used to reach a 5xx: each answers a 4xx naming the field, and stores nothing. */
describe('malformed input through the gateway', () => {
  let walk: StreetFixture;
  let baseUrl: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    await walk.gateway.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(walk.gateway.app.getHttpServer().address() as AddressInfo).port}`;
    await walk.sign({ admin: { sub: 'admin-1', roles: ['admin'] } });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.untilCreated(() => call('POST', '/api/v1/incidents', garbage('probe')));
    await call('POST', '/api/v1/incidents', garbage('second'));
  });

  afterAll(async () => {
    await walk?.close();
  });

  function garbage(title: string, extra: Record<string, unknown> = {}) {
    return { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外堆放建筑垃圾`, location: IN_GRID, source: 'patrol', ...extra };
  }
  function call(method: Method, url: string, payload?: object | string, headers: Record<string, string> = {}) {
    return walk.call('admin', method, url, payload, headers);
  }
  /** A raw HTTP request, for what light-my-request would tidy up (raw bytes in the request line). */
  function raw(method: Method, path: string, body?: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
    return new Promise((resolve, reject) => {
      const url = new URL(baseUrl);
      const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers: { authorization: `Bearer ${walk.tokens.admin}`, ...headers }, insecureHTTPParser: true }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const fieldsOf = (res: { json(): { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field);
  const unitCount = async () => (await call('GET', '/api/v1/units?pageSize=1')).json().total as number;
  const incidentCount = async () => (await call('GET', '/api/v1/incidents?limit=200')).json().items.length as number;

  describe('NUL characters and lone surrogates', () => {
    it('refuses them in a body string with 400 naming the field, and stores nothing', async () => {
      const before = await unitCount();
      for (const payload of [
        JSON.stringify({ ...unitFactory().community('370502003009').build(), name: 'bad\u0000name' }),
        JSON.stringify({ ...unitFactory().community('370502003009').build(), name: 'bad' }).replace('"bad"', '"bad\\ud800"'),
      ]) {
        const res = await call('POST', '/api/v1/units', payload, { 'content-type': 'application/json' });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(fieldsOf(res)).toEqual(['name']);
      }
      expect(await unitCount()).toBe(before);
    });

    it('refuses them in a nested body string, naming the path', async () => {
      const res = await call('POST', '/api/v1/incidents', garbage('nested', { location: { ...IN_GRID, address: 'a\u0000b' } }));
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['location.address']);
    });

    it('refuses them in a query string', async () => {
      for (const url of ['/api/v1/units?q=%00', '/api/v1/incidents?q=x%00y', '/api/v1/residents?q=%ED%A0%80']) {
        const res = await call('GET', url);
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(fieldsOf(res)).toEqual(['q']);
      }
    });
  });

  describe('CSV uploads', () => {
    it('refuses a file from a row with a NUL character on, naming the row and the job, with the rows before it stored', async () => {
      const csv = `grid_code,address\n${GRID},A楼\n${GRID},"B\u0000楼"\n${GRID},C楼\n`;
      const res = await call('POST', '/api/v1/imports/buildings', csv, { 'content-type': 'text/csv' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file', reasons: ['row 3: address must not contain NUL characters'] }], details: { jobId: expect.any(String) } });
      const job = await call('GET', `/api/v1/imports/${res.json().details.jobId}`);
      expect(job.json()).toMatchObject({ rowsTotal: 1, created: 1 });
    });
  });

  describe('dates', () => {
    it.each(['2026-W01-1', '2026-032', '2026-02-30T10:00:00Z', '2026-01-01T25:00:00Z', '0000-01-01T00:00:00Z'])('refuses %s in a date-time field, naming it', async (value) => {
      const before = await incidentCount();
      const res = await call('POST', '/api/v1/incidents', garbage('dated', { reportedAt: value }));
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['reportedAt']);
      expect(await incidentCount()).toBe(before);
    });

    it.each(['2026-W01-1', '2026-032', '2026-13-01'])('refuses %s in a list filter, naming it', async (value) => {
      for (const url of [`/api/v1/incidents?from=${value}`, `/api/v1/appeals?to=${value}`, `/api/v1/appeals/figures?from=${value}&to=2026-02-01`]) {
        const res = await call('GET', url);
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(fieldsOf(res)).toEqual([url.includes('to=') && !url.includes('figures') ? 'to' : 'from']);
      }
    });

    it('still takes the calendar forms the API documents', async () => {
      expect((await call('GET', '/api/v1/incidents?from=2026-01-01&to=2026-12-31T23:59:59.999%2B08:00')).statusCode).toBe(200);
      expect((await call('GET', '/api/v1/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&amount=2&unit=working_days')).statusCode).toBe(200);
    });
  });

  describe('list cursors', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    it.each([
      ['base64 garbage', '!!!%%%'],
      ['base64 of garbage', b64('not json at all')],
      ['JSON of the wrong type', b64('42')],
      ['null', b64('null')],
      ['a key that is not a time', b64(JSON.stringify({ k: 'yesterday', id: '00000000-0000-4000-8000-000000000000' }))],
      ['an id that is not a uuid', b64(JSON.stringify({ k: '2026-01-01T00:00:00.000Z', id: '------------------------------------' }))],
      ['fields of the wrong types', b64(JSON.stringify({ k: 5, id: ['x'] }))],
    ])('answers 400 naming cursor for %s', async (_label, cursor) => {
      for (const sort of ['newest', 'due']) {
        const res = await call('GET', `/api/v1/incidents?sort=${sort}&cursor=${encodeURIComponent(cursor)}`);
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual(['cursor']);
      }
    });

    it('still follows a cursor it gave out', async () => {
      const first = (await call('GET', '/api/v1/incidents?limit=1')).json();
      expect(first.nextCursor).toEqual(expect.any(String));
      expect((await call('GET', `/api/v1/incidents?limit=1&cursor=${first.nextCursor}`)).statusCode).toBe(200);
    });
  });

  describe('null in optional fields', () => {
    it('refuses null where the API does not say a field may be null, naming the field', async () => {
      const before = await incidentCount();
      const res = await call('POST', '/api/v1/incidents', garbage('nulls', { reportedAt: null, urgency: null }));
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res).sort()).toEqual(['reportedAt', 'urgency']);
      const appeal = await call('POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '路灯不亮', caller: null });
      expect(appeal.statusCode).toBe(400);
      expect(fieldsOf(appeal)).toEqual(['caller']);
      expect(await incidentCount()).toBe(before);
    });
  });

  describe('deeply nested JSON', () => {
    it('answers 400 to a body nested 3,000 deep', async () => {
      const deep = `{"categoryCode":"ENV.GARBAGE","title":"deep","description":"d","source":"patrol","location":${'['.repeat(3000)}${']'.repeat(3000)}}`;
      const res = await call('POST', '/api/v1/incidents', deep, { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(fieldsOf(res)[0]).toMatch(/^location/);
    });
  });

  describe('body size, media type and framework errors', () => {
    it('answers 413 problem+json to a body larger than the bus carries', async () => {
      const res = await call('POST', '/api/v1/incidents', garbage('big', { description: 'x'.repeat(1_100_000) }));
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('answers 415 problem+json to a text/plain body on a JSON route', async () => {
      const before = await unitCount();
      const res = await call('POST', '/api/v1/units', JSON.stringify(unitFactory().community('370502003008').build()), { 'content-type': 'text/plain' });
      expect(res.statusCode).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await unitCount()).toBe(before);
    });

    it('answers malformed JSON with 400 problem+json', async () => {
      const res = await call('POST', '/api/v1/units', '{"code": ', { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'body', reasons: [expect.any(String)] }] });
    });

    it('answers bad percent-encoding and raw non-ASCII in the URL with 400 problem+json', async () => {
      for (const path of ['/api/v1/units/%ZZ', '/api/v1/units?q=%E0%A4%A', '/api/v1/units?q=%', `/api/v1/units?q=${Buffer.from('东城', 'utf8').toString('latin1')}`]) {
        const res = await raw('GET', path);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.type).toContain('application/problem+json');
        expect(JSON.parse(res.body)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      }
    });

    it('answers a route that does not exist with 404 problem+json', async () => {
      const res = await call('GET', '/api/v1/nowhere');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it('answers the same faults under /open311/v2/ in Open311’s own error format', async () => {
      const badUrl = await raw('GET', '/open311/v2/requests.json?status=%ZZ');
      expect(badUrl.status).toBe(400);
      expect(badUrl.type).toContain('application/json');
      expect(JSON.parse(badUrl.body)).toEqual([{ code: 400, description: expect.any(String) }]);
      const xml = await raw('GET', '/open311/v2/requests.xml?status=%ZZ');
      expect(xml.status).toBe(400);
      expect(xml.body).toContain('<errors><error><code>400</code>');
      const plain = await raw('POST', '/open311/v2/requests.json', Buffer.from('service_code=X'), { 'content-type': 'text/plain' });
      expect(plain.status).toBe(400);
      expect(JSON.parse(plain.body)).toEqual([{ code: 415, description: expect.any(String) }]);
      const big = await raw('POST', '/open311/v2/requests.json', Buffer.from(`description=${'x'.repeat(1_100_000)}`), { 'content-type': 'application/x-www-form-urlencoded' });
      expect(big.status).toBe(400);
      expect(JSON.parse(big.body)).toEqual([{ code: 413, description: expect.any(String) }]);
      const nul = await raw('GET', '/open311/v2/requests.json?service_code=%00');
      expect(nul.status).toBe(400);
      expect(JSON.parse(nul.body)).toEqual([{ code: 400, description: expect.stringContaining('service_code') }]);
    });
  });
});
