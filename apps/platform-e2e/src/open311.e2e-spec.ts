import type { GatewayApp } from '@gridline/app-gateway';
import { SYSTEM_CALLER } from '@gridline/auth';
import { testToken, unitFactory, type LogCapture } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

/*
 * An Open311 GeoReport v2 client written from the specification (wiki.open311.org/GeoReport_v2) alone: it knows
 * the endpoint's base URL, form-encodes what it posts, reads JSON or XML, and expects errors as
 * <errors><error><code/><description/></error></errors> or [{code, description}].
 */

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const JURISDICTION = 'dongying.gov.cn';
const BASE = '/open311/v2';
const CITIZEN = { first_name: '秀英', last_name: '王', phone: '13805467777', email: 'wang.xiuying@example.cn' };
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** A tiny XML reader: elements, text and the five entities — all GeoReport v2 answers use. */
interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

function parseXml(document: string): XmlElement {
  expect(document.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const body = document.replace(/^<\?xml[^>]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', text: '', children: [] };
  const stack = [root];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const [, close, name, selfClosing, text] of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (text !== undefined) top.text += decode(text);
    else if (close) expect(stack.pop()?.name).toBe(name);
    else {
      const element: XmlElement = { name, text: '', children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const text = (e: XmlElement, name: string) => child(e, name)?.text;
/** An element of flat fields as a record (empty elements as ''). */
const record = (e: XmlElement) => Object.fromEntries(e.children.map((c) => [c.name, c.text]));

describe('Open311 GeoReport v2 on the gateway', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let gatewayLogs: LogCapture;
  let admin: string;
  let operator: string;
  let department: string;
  let apiKey: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({
      services: ['registry', ['hotline', { LOG_LEVEL: 'info' }]],
      gateway: { LOG_LEVEL: 'info', OPEN311_STREET_CODE: STREET, OPEN311_JURISDICTION_ID: JURISDICTION },
    });
    ({ gateway, gatewayLogs } = walk);
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).at(118.45, 37.35, 0.2).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
        { code: 'ENV.RETIRED', name: '已停用事项', parentCode: 'ENV', owner: { level: 'street' }, ...limits, active: false },
      ],
    });
    admin = await testToken({ sub: 'admin-1', roles: ['admin'] });
    operator = await testToken({ sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] });
    department = await testToken({ sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const get = (path: string) => gateway.app.inject({ method: 'GET', url: `${BASE}/${path}` });
  const post = (path: string, form: Record<string, string>) =>
    gateway.app.inject({
      method: 'POST',
      url: `${BASE}/${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams(form).toString(),
    });
  const api = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    gateway.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  /** Checks the specification's error format in both formats, and answers the descriptions. */
  function expectError(res: Awaited<ReturnType<typeof get>>, status: number, format: 'json' | 'xml'): string[] {
    expect(res.statusCode).toBe(status);
    if (format === 'json') {
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const errors = res.json() as { code: number; description: string }[];
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).toEqual({ code: expect.any(Number), description: expect.any(String) });
      expect(errors[0].code).toBe(status);
      return errors.map((e) => e.description);
    }
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.body);
    expect(root.name).toBe('errors');
    expect(root.children.length).toBeGreaterThan(0);
    for (const e of root.children) expect({ name: e.name, fields: e.children.map((c) => c.name) }).toEqual({ name: 'error', fields: ['code', 'description'] });
    expect(text(root.children[0], 'code')).toBe(String(status));
    return root.children.map((e) => text(e, 'description') ?? '');
  }

  describe('POST /api/v1/open311/keys', () => {
    it('issues a client application its api_key to admins only', async () => {
      expect((await gateway.app.inject({ method: 'POST', url: '/api/v1/open311/keys', payload: { application: 'dongying-app' } })).statusCode).toBe(401);
      expect((await api(operator, 'POST', '/api/v1/open311/keys', { application: 'dongying-app' })).statusCode).toBe(403);
      const bad = await api(admin, 'POST', '/api/v1/open311/keys', { application: 'no spaces please' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['application']);

      const first = await api(admin, 'POST', '/api/v1/open311/keys', { application: 'dongying-app' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ application: 'dongying-app', apiKey: expect.stringMatching(/^o311_[A-Za-z0-9_-]{43}$/), replaced: false });
      // Issuing again replaces the key: the first one stops working.
      const second = (await api(admin, 'POST', '/api/v1/open311/keys', { application: 'dongying-app' })).json();
      expect(second).toMatchObject({ application: 'dongying-app', replaced: true });
      apiKey = second.apiKey;
      const withOld = await post('requests.json', { api_key: first.json().apiKey, service_code: 'ENV.GARBAGE', address_string: '文汇小区' });
      expect(expectError(withOld, 403, 'json')[0]).toContain('Invalid api_key');
    });
  });

  describe('discovery', () => {
    it('names the GeoReport v2 endpoint, its formats and how to get a key, in JSON and XML', async () => {
      const json = await get('discovery.json');
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const discovery = json.json();
      expect(discovery).toEqual({
        changeset: expect.stringMatching(W3C),
        contact: expect.any(String),
        key_service: expect.any(String),
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: expect.stringMatching(/^http:\/\/[^/]+\/open311\/v2$/),
            changeset: discovery.changeset,
            type: 'test',
            formats: ['text/xml', 'application/json'],
          },
          {
            // The public grid lookup ("find the grid member"), beside the report form of a resident's app.
            specification: 'urn:gridline:public-grid-lookup:v1',
            url: expect.stringMatching(/^http:\/\/[^/]+\/api\/v1\/public\/grid$/),
            changeset: discovery.changeset,
            type: 'test',
            formats: ['application/json'],
          },
          {
            // FixMyStreet's extensions (servicerequestupdates), at the GeoReport endpoint itself.
            specification: 'https://github.com/mysociety/fixmystreet/wiki/Open311-FMS---Complete-Spec',
            url: expect.stringMatching(/^http:\/\/[^/]+\/open311\/v2$/),
            changeset: discovery.changeset,
            type: 'test',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
      // It points where the lookup answers, without a token.
      const lookup = new URL(discovery.endpoints[1].url);
      const found = await gateway.app.inject({ method: 'GET', url: `${lookup.pathname}?lat=37.405&lng=118.505` });
      expect(found.statusCode).toBe(200);
      expect(found.json().grids[0].grid.code).toBe(GRID);

      const xml = await get('discovery.xml');
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(xml.body);
      expect(root.name).toBe('discovery');
      expect(text(root, 'changeset')).toBe(discovery.changeset);
      const endpoint = child(child(root, 'endpoints')!, 'endpoint')!;
      expect(text(endpoint, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(child(endpoint, 'formats')!.children.map((f) => [f.name, f.text])).toEqual([
        ['format', 'text/xml'],
        ['format', 'application/json'],
      ]);
      const lookupEndpoint = child(root, 'endpoints')!.children[1];
      expect([lookupEndpoint.name, text(lookupEndpoint, 'specification'), text(lookupEndpoint, 'url')]).toEqual(['endpoint', 'urn:gridline:public-grid-lookup:v1', discovery.endpoints[1].url]);
      // Also where most deployments publish it: the same document.
      expect((await gateway.app.inject({ method: 'GET', url: '/open311/discovery.json' })).json()).toEqual(discovery);
    });
  });

  describe('GET services', () => {
    it('lists the active minor categories as realtime services grouped by their major category', async () => {
      const res = await get('services.json');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.json()).toEqual([
        { service_code: 'ENV.GARBAGE', service_name: '垃圾堆放', description: expect.stringContaining('垃圾堆放'), metadata: false, type: 'realtime', keywords: expect.stringContaining('垃圾堆放'), group: '环境卫生' },
        { service_code: 'ENV.SEWAGE', service_name: '污水外溢', description: expect.stringContaining('污水外溢'), metadata: false, type: 'realtime', keywords: expect.stringContaining('污水外溢'), group: '环境卫生' },
      ]);
    });

    it('answers the same list in XML', async () => {
      const res = await get('services.xml');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(res.body);
      expect(root.name).toBe('services');
      expect(root.children.map((s) => s.name)).toEqual(['service', 'service']);
      expect(root.children.map(record)).toEqual((await get('services.json')).json().map((s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)]))));
    });

    it('serves one jurisdiction: the configured jurisdiction_id or none, another is not found', async () => {
      expect((await get(`services.json?jurisdiction_id=${JURISDICTION}`)).statusCode).toBe(200);
      expect((await get('services.json?jurisdiction_id=')).statusCode).toBe(200);
      expect(expectError(await get('services.xml?jurisdiction_id=sfgov.org'), 404, 'xml')[0]).toContain('jurisdiction_id');
    });

    it('defines a service with an empty attribute list, and answers 404 for unknown, major or retired codes', async () => {
      expect((await get('services/ENV.GARBAGE.json')).json()).toEqual({ service_code: 'ENV.GARBAGE', attributes: [] });
      const xml = parseXml((await get('services/ENV.GARBAGE.xml')).body);
      expect(xml.name).toBe('service_definition');
      expect(text(xml, 'service_code')).toBe('ENV.GARBAGE');
      expect(child(xml, 'attributes')?.children).toEqual([]);
      for (const code of ['ENV.NOPE', 'ENV', 'ENV.RETIRED']) {
        expect(expectError(await get(`services/${code}.json`), 404, 'json')[0]).toContain(code);
        expectError(await get(`services/${code}.xml`), 404, 'xml');
      }
      expect((await get('services.html')).statusCode).toBe(404);
    });
  });

  describe('POST requests', () => {
    it('refuses a missing or invalid api_key with 403, in the format asked for', async () => {
      expect(expectError(await post('requests.json', { service_code: 'ENV.GARBAGE', address_string: '文汇小区' }), 403, 'json')[0]).toContain('api_key');
      expect(expectError(await post('requests.xml', { api_key: 'o311_not-a-key', service_code: 'ENV.GARBAGE', lat: '37.405', long: '118.505' }), 403, 'xml')[0]).toBe(
        "Invalid api_key received -- can't proceed with create_request",
      );
    });

    it('answers 400 for a missing service_code or location, or a bad field, and 404 for an unknown service', async () => {
      const missing = expectError(await post('requests.json', { api_key: apiKey, description: '没有地点' }), 400, 'json');
      expect(missing.join('\n')).toMatch(/service_code/);
      expect(missing.join('\n')).toMatch(/lat and long, or address_string/);
      expect(expectError(await post('requests.xml', { api_key: apiKey, service_code: 'ENV.GARBAGE', lat: '37.405' }), 400, 'xml').join('\n')).toContain('lat and long must be sent together');
      expect(expectError(await post('requests.json', { api_key: apiKey, service_code: 'ENV.GARBAGE', lat: '97', long: '118.5' }), 400, 'json').join('\n')).toContain('lat must be a latitude');
      expect(expectError(await post('requests.json', { api_key: apiKey, service_code: 'ENV.GARBAGE', address_id: '545483' }), 400, 'json').join('\n')).toContain('address_id');
      expect(expectError(await post('requests.json', { api_key: apiKey, service_code: 'ENV.GARBAGE', address_string: '文汇小区', phone: '123' }), 400, 'json').join('\n')).toMatch(/^phone: /m);
      expect(expectError(await post('requests.json', { api_key: apiKey, service_code: 'ENV.NOPE', address_string: '文汇小区' }), 404, 'json')[0]).toContain('ENV.NOPE');
    });
  });

  describe('requests', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const garbage = await post('requests.json', {
        api_key: apiKey,
        jurisdiction_id: JURISDICTION,
        service_code: 'ENV.GARBAGE',
        lat: '37.405',
        long: '118.505',
        address_string: '文汇小区东门',
        description: '小区门口垃圾堆放多日 <无人清理> & 有异味',
        media_url: 'https://example.org/photos/garbage.jpg',
        account_id: 'acct-42',
        device_id: 'device-7',
        'attribute[WHATEVER]': 'ignored',
        ...CITIZEN,
      });
      expect(garbage.statusCode).toBe(200);
      expect(garbage.headers['content-type']).toBe('application/json; charset=utf-8');
      const [created] = garbage.json();
      expect(created).toEqual({ service_request_id: expect.any(String), service_notice: expect.stringContaining('12345'), account_id: 'acct-42' });
      ids.garbage = created.service_request_id;

      const sewage = await post('requests.xml', { api_key: apiKey, service_code: 'ENV.SEWAGE', address_string: '淮河路与西四路路口', description: '路口污水外溢', phone: CITIZEN.phone });
      expect(sewage.statusCode).toBe(200);
      expect(sewage.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(sewage.body);
      expect(root.name).toBe('service_requests');
      const request = child(root, 'request')!;
      expect(request.children.map((c) => c.name)).toEqual(['service_request_id', 'service_notice', 'account_id']);
      expect(text(request, 'account_id')).toBe('');
      ids.sewage = text(request, 'service_request_id')!;

      // An appeal taken by phone in the same street is not published through Open311.
      const byPhone = await api(operator, 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { phone: '13905460000' }, content: '邻居噪音扰民', categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505 } });
      expect(byPhone.statusCode).toBe(201);
      ids.byPhone = byPhone.json().appeal.id;
    });

    it('enters the same process as any other appeal, taken by the client application', async () => {
      const appeal = (await api(operator, 'GET', `/api/v1/appeals/${ids.garbage}`)).json();
      expect(appeal).toMatchObject({
        channel: 'open311',
        type: 'report',
        status: 'received',
        operator: 'open311:dongying-app',
        categoryCode: 'ENV.GARBAGE',
        gridCode: GRID,
        caller: { name: '王**', phone: '138****7777', anonymous: false },
        location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' },
      });
    });

    it('answers a request by id in JSON and XML, with W3C dates in China time', async () => {
      const res = await get(`requests/${ids.garbage}.json`);
      expect(res.statusCode).toBe(200);
      const [request] = res.json();
      expect(request).toEqual({
        service_request_id: ids.garbage,
        status: 'open',
        status_notes: null,
        service_name: '垃圾堆放',
        service_code: 'ENV.GARBAGE',
        description: '小区门口垃圾堆放多日 <无人清理> & 有异味',
        agency_responsible: null,
        service_notice: expect.any(String),
        requested_datetime: expect.stringMatching(W3C),
        updated_datetime: expect.stringMatching(W3C),
        expected_datetime: null,
        address: '文汇小区东门',
        address_id: null,
        zipcode: null,
        lat: 37.405,
        long: 118.505,
        media_url: 'https://example.org/photos/garbage.jpg',
      });
      expect(Math.abs(Date.parse(request.requested_datetime) - Date.now())).toBeLessThan(60_000);

      const xml = await get(`requests/${ids.garbage}.xml`);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(xml.body).toContain('&lt;无人清理&gt; &amp; 有异味');
      const root = parseXml(xml.body);
      expect(root.name).toBe('service_requests');
      expect(root.children.map((c) => c.name)).toEqual(['request']);
      expect(record(root.children[0])).toEqual(Object.fromEntries(Object.entries(request).map(([k, v]) => [k, v === null ? '' : String(v)])));
    });

    it('answers 404 for an unknown request, a malformed id and a token, and never shows an appeal taken by phone', async () => {
      expect(expectError(await get('requests/00000000-0000-4000-8000-000000000000.json'), 404, 'json')[0]).toContain('00000000-0000-4000-8000-000000000000');
      expectError(await get('requests/12345.xml'), 404, 'xml');
      expectError(await get(`requests/${ids.byPhone}.json`), 404, 'json');
      expectError(await get('tokens/12345.xml'), 404, 'xml');
    });

    it('follows the appeal through dispatch, the answer and the callback: open with notes and deadline, then closed', async () => {
      expect((await api(operator, 'POST', `/api/v1/appeals/${ids.sewage}/actions/dispatch`)).json()).toMatchObject({ status: 'dispatched', lead: { departmentCode: 'URBAN_MGMT' } });
      expect((await api(department, 'POST', `/api/v1/appeals/${ids.sewage}/actions/sign`)).statusCode).toBe(200);
      await api(department, 'POST', `/api/v1/appeals/${ids.sewage}/actions/answer`, { resolution: 'resolved', text: '已疏通管道，路面已清理' });
      const answered = (await get(`requests/${ids.sewage}.json`)).json()[0];
      expect(answered).toMatchObject({ status: 'open', status_notes: '已疏通管道，路面已清理', agency_responsible: 'URBAN_MGMT', expected_datetime: expect.stringMatching(W3C), media_url: null, lat: null, long: null });
      expect(Date.parse(answered.expected_datetime)).toBeGreaterThan(Date.now());

      expect((await api(operator, 'POST', `/api/v1/appeals/${ids.sewage}/actions/callback`, { satisfaction: 'satisfied' })).json().status).toBe('closed');
      const closed = parseXml((await get(`requests/${ids.sewage}.xml`)).body).children[0];
      expect(record(closed)).toMatchObject({ status: 'closed', status_notes: '已疏通管道，路面已清理', agency_responsible: 'URBAN_MGMT' });
    });

    it('filters by service_request_id, service_code, status and dates, in JSON and XML', async () => {
      const idsOf = async (query: string) => ((await get(`requests.json${query}`)).json() as { service_request_id: string }[]).map((r) => r.service_request_id);
      const xmlIdsOf = async (query: string) => parseXml((await get(`requests.xml${query}`)).body).children.map((r) => text(r, 'service_request_id'));

      // Newest first; the last 90 days by default; appeals taken by phone are not published.
      expect(await idsOf('')).toEqual([ids.sewage, ids.garbage]);
      expect(await xmlIdsOf('')).toEqual([ids.sewage, ids.garbage]);
      expect(await idsOf('?service_code=ENV.GARBAGE')).toEqual([ids.garbage]);
      expect(await idsOf('?service_code=ENV.GARBAGE,ENV.SEWAGE')).toEqual([ids.sewage, ids.garbage]);
      expect(await idsOf('?status=closed')).toEqual([ids.sewage]);
      expect(await xmlIdsOf('?status=open')).toEqual([ids.garbage]);
      expect(await idsOf('?status=open,closed')).toEqual([ids.sewage, ids.garbage]);
      // page and page_size page through them, newest first.
      expect(await idsOf('?page_size=1')).toEqual([ids.sewage]);
      expect(await xmlIdsOf('?page=2&page_size=1')).toEqual([ids.garbage]);
      expect(await idsOf('?page=3&page_size=1')).toEqual([]);
      // service_request_id overrides the other filters; ids that name nothing here are left out.
      expect(await idsOf(`?service_request_id=${ids.garbage},${ids.byPhone},nonsense&status=closed`)).toEqual([ids.garbage]);

      const day = 86_400_000;
      const w3c = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
      const since = encodeURIComponent(w3c(Date.now() - day));
      expect(await idsOf(`?start_date=${since}&end_date=${encodeURIComponent(w3c(Date.now() + day))}`)).toEqual([ids.sewage, ids.garbage]);
      expect(await idsOf(`?start_date=${encodeURIComponent(w3c(Date.now() + day))}`)).toEqual([]);
      expect(await idsOf(`?end_date=${encodeURIComponent(new Date(Date.now() - day).toISOString())}`)).toEqual([]);
      // An unencoded '+' arrives as a space; it is read as the offset it was meant to be.
      expect(await idsOf(`?start_date=${w3c(Date.now() - day)}`)).toEqual([ids.sewage, ids.garbage]);
    });

    it('answers 400 for a bad status, a date without its zone, or a span over 90 days', async () => {
      expect(expectError(await get('requests.json?status=pending'), 400, 'json')[0]).toContain('status');
      expect(expectError(await get('requests.xml?start_date=2026-11-01T10:00:00'), 400, 'xml')[0]).toContain('start_date');
      expect(expectError(await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400, 'json')[0]).toContain('90 days');
      expect(expectError(await get('requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z'), 400, 'json')[0]).toContain('after');
      expect(expectError(await get('requests.json?page_size=0'), 400, 'json')[0]).toContain('page_size');
      expect(expectError(await get('requests.xml?page=first'), 400, 'xml')[0]).toContain('page');
    });

    it('never shows the caller’s name, phone or e-mail', async () => {
      const answers = await Promise.all(
        ['requests.json', 'requests.xml', `requests/${ids.garbage}.json`, `requests/${ids.garbage}.xml`, `requests/${ids.sewage}.xml`, `requests.json?service_request_id=${ids.garbage},${ids.sewage}`].map(get),
      );
      const haystack = answers.map((a) => a.body).join('\n');
      expect(haystack).toContain(ids.garbage);
      for (const secret of [CITIZEN.phone, CITIZEN.email, '王秀英', '王**', '138****7777', 'acct-42', 'device-7', 'dongying-app', '13905460000', '邻居噪音']) {
        expect(haystack).not.toContain(secret);
      }
      for (const secret of [CITIZEN.phone, '王秀英', CITIZEN.email, apiKey]) {
        expect(gatewayLogs.text()).not.toContain(secret);
        for (const service of walk.platform.services) expect(service.logs.text()).not.toContain(secret);
      }
    });
  });
  describe('as real clients post', () => {
    const postWith = (path: string, headers: Record<string, string>, payload: string | Buffer) => gateway.app.inject({ method: 'POST', url: `${BASE}/${path}`, headers, payload });
    const created = (res: Awaited<ReturnType<typeof get>>): string => {
      expect({ status: res.statusCode, body: res.body }).toEqual({ status: 200, body: expect.any(String) });
      const [answer] = res.json();
      expect(answer.service_request_id).toEqual(expect.any(String));
      return answer.service_request_id;
    };
    const mediaOf = async (id: string) => (await get(`requests/${id}.json`)).json()[0].media_url;

    it('honours parameters given in the query string, api_key among them, the body winning a name both give', async () => {
      const query = new URLSearchParams({ api_key: apiKey, service_code: 'ENV.GARBAGE', address_string: '文汇小区北门' }).toString();
      const bare = await gateway.app.inject({ method: 'POST', url: `${BASE}/requests.json?${query}` });
      const id = created(bare);
      expect((await get(`requests/${id}.json`)).json()[0]).toMatchObject({ service_code: 'ENV.GARBAGE', address: '文汇小区北门' });

      const badInQuery = new URLSearchParams({ api_key: 'o311_not-a-key', service_code: 'ENV.NOPE' }).toString();
      created(await post(`requests.json?${badInQuery}`, { api_key: apiKey, service_code: 'ENV.GARBAGE', address_string: '文汇小区' }));
      const goodInQuery = new URLSearchParams({ api_key: apiKey }).toString();
      expect(expectError(await post(`requests.xml?${goodInQuery}`, { api_key: 'o311_not-a-key', service_code: 'ENV.GARBAGE', address_string: '文汇小区' }), 403, 'xml')[0]).toContain('Invalid api_key');
    });

    it('accepts multipart/form-data, ignoring the files in it (media_url is the way to a photo)', async () => {
      const boundary = '----o311client4f9a';
      const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const payload = Buffer.concat([
        Buffer.from(part('api_key', apiKey) + part('service_code', 'ENV.GARBAGE') + part('lat', '37.405') + part('long', '118.505') + part('description', '多部分表单上报') + part('media_url', 'https://example.org/photos/m1.jpg')),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const id = created(await postWith('requests.json', { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload));
      expect((await get(`requests/${id}.json`)).json()[0]).toMatchObject({ description: '多部分表单上报', lat: 37.405, long: 118.505, media_url: 'https://example.org/photos/m1.jpg' });

      const broken = await postWith('requests.xml', { 'content-type': `multipart/form-data; boundary=${boundary}` }, `--${boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n${apiKey}`);
      expect(expectError(broken, 400, 'xml')[0]).toContain('boundary');
      // The JSON API takes no forms.
      const api = await gateway.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { authorization: `Bearer ${operator}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
      expect(api.statusCode).toBe(415);
      expect(api.headers['content-type']).toContain('application/problem+json');
    });

    it('keeps the first media_url when a client sends several', async () => {
      const form = new URLSearchParams({ api_key: apiKey, service_code: 'ENV.GARBAGE', address_string: '文汇小区' });
      form.append('media_url', 'https://example.org/photos/first.jpg');
      form.append('media_url', 'https://example.org/photos/second.jpg');
      const id = created(await postWith('requests.json', { 'content-type': 'application/x-www-form-urlencoded' }, form.toString()));
      expect(await mediaOf(id)).toBe('https://example.org/photos/first.jpg');
    });

    it('refuses a location outside the served street with a 400 in Open311 format, and takes one in the street outside any grid', async () => {
      const beijing = { api_key: apiKey, service_code: 'ENV.GARBAGE', lat: '39.9042', long: '116.4074' };
      expect(expectError(await post('requests.json', beijing), 400, 'json')[0]).toContain('outside this jurisdiction');
      expect(expectError(await post('requests.xml', beijing), 400, 'xml')[0]).toContain('outside this jurisdiction');
      const inStreet = created(await post('requests.json', { api_key: apiKey, service_code: 'ENV.GARBAGE', lat: '37.5', long: '118.6' }));
      expect((await api(operator, 'GET', `/api/v1/appeals/${inStreet}`)).json()).toMatchObject({ gridCode: null, location: { lat: 37.5, lng: 118.6 } });
    });
  });

  describe('errors under /open311/v2/', () => {
    /** The specification's 400 carrying the HTTP status it stands for as the error's code, in Open311's format. */
    function expectFault(res: Awaited<ReturnType<typeof get>>, code: number, format: 'json' | 'xml'): void {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');
      const codes = format === 'json' ? (res.json() as { code: number }[]).map((e) => e.code) : parseXml(res.body).children.map((e) => Number(text(e, 'code')));
      expect(codes).toEqual([code]);
    }

    it('answers unknown routes, unsupported bodies and bodies too large in Open311 format, never problem+json', async () => {
      expectError(await get('nothing-here.json'), 404, 'json');
      expectError(await get('requests/a/b/c.xml'), 404, 'xml');
      expectError(await gateway.app.inject({ method: 'DELETE', url: `${BASE}/requests.json` }), 404, 'json');
      expectFault(await gateway.app.inject({ method: 'POST', url: `${BASE}/requests.json`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') }), 415, 'json');
      const huge = `api_key=${apiKey}&description=${'x'.repeat(3 * 1024 * 1024)}`;
      expectFault(await gateway.app.inject({ method: 'POST', url: `${BASE}/requests.xml`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: huge }), 413, 'xml');
    });
  });

  describe('GET /open311/discovery', () => {
    it('answers discovery where most city deployments publish it, in JSON and XML', async () => {
      const json = await gateway.app.inject({ method: 'GET', url: '/open311/discovery.json' });
      expect(json.statusCode).toBe(200);
      expect(json.json()).toEqual((await get('discovery.json')).json());
      const xml = await gateway.app.inject({ method: 'GET', url: '/open311/discovery.xml' });
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(text(child(child(parseXml(xml.body), 'endpoints')!, 'endpoint')!, 'url')).toMatch(/\/open311\/v2$/);
      expectError(await gateway.app.inject({ method: 'GET', url: '/open311/discovery.html' }), 404, 'xml');
    });
  });
  describe('service attributes', () => {
    beforeAll(async () => {
      await walk.registry.updateCategory(SYSTEM_CALLER, 'ENV.SEWAGE', {
        details: [
          { code: 'FLOOR', description: '外溢处的楼层', datatype: 'number', required: true },
          { code: 'SMELL', description: '气味', datatype: 'singlevaluelist', required: false, values: [{ key: 'none', name: '无' }, { key: 'strong', name: '刺鼻' }] },
        ],
      });
    });

    it('marks a service with attributes metadata=true and defines them, in JSON and XML', async () => {
      const services = (await get('services.json')).json() as { service_code: string; metadata: boolean }[];
      expect(services.map((s) => [s.service_code, s.metadata])).toEqual([
        ['ENV.GARBAGE', false],
        ['ENV.SEWAGE', true],
      ]);
      expect((await get('services/ENV.SEWAGE.json')).json()).toEqual({
        service_code: 'ENV.SEWAGE',
        attributes: [
          { variable: true, code: 'FLOOR', datatype: 'number', required: true, datatype_description: expect.any(String), order: 1, description: '外溢处的楼层' },
          {
            variable: true,
            code: 'SMELL',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: expect.any(String),
            order: 2,
            description: '气味',
            values: [
              { key: 'none', name: '无' },
              { key: 'strong', name: '刺鼻' },
            ],
          },
        ],
      });
      const xml = parseXml((await get('services/ENV.SEWAGE.xml')).body);
      const [floor, smell] = child(xml, 'attributes')!.children;
      expect(record(floor)).toMatchObject({ variable: 'true', code: 'FLOOR', datatype: 'number', required: 'true', order: '1' });
      expect(child(smell, 'values')!.children.map((v) => [v.name, text(v, 'key'), text(v, 'name')])).toEqual([
        ['value', 'none', '无'],
        ['value', 'strong', '刺鼻'],
      ]);
    });

    it('refuses a request missing a required attribute or with a wrong one (400), and keeps the answers with the appeal', async () => {
      const base = { api_key: apiKey, service_code: 'ENV.SEWAGE', address_string: '淮河路', description: '污水外溢' };
      expect(expectError(await post('requests.json', base), 400, 'json')).toEqual([expect.stringMatching(/^attribute\[FLOOR\]: .*required/)]);
      expect(expectError(await post('requests.xml', { ...base, 'attribute[FLOOR]': 'ground', 'attribute[SMELL]': 'sweet' }), 400, 'xml')).toEqual([
        'attribute[FLOOR]: must be a number',
        expect.stringMatching(/^attribute\[SMELL\]: must be one of none, strong/),
      ]);
      const ok = await post('requests.json', { ...base, 'attribute[FLOOR]': '1', 'attribute[SMELL]': 'strong' });
      expect(ok.statusCode).toBe(200);
      const id = ok.json()[0].service_request_id;
      expect((await api(operator, 'GET', `/api/v1/appeals/${id}`)).json().content).toBe('污水外溢\n【外溢处的楼层】1\n【气味】刺鼻');
    });
  });

  describe('servicerequestupdates (FixMyStreet)', () => {
    /*
     * As FixMyStreet uses it: it posts a report, polls GET servicerequestupdates with start_date and end_date (api_key
     * and jurisdiction_id sent along), and posts its users' comments with update_id, status, updated_datetime,
     * description and the commenter's e-mail and name; it reads <service_request_updates><request_update>.
     */
    const w3c = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
    const COMMENTER = { email: 'li.lei@example.cn', first_name: '雷', last_name: '李', phone: '13905468888' };
    const UPDATE_FIELDS = ['update_id', 'service_request_id', 'status', 'updated_datetime', 'description', 'media_url', 'external_status_code'];
    type Update = { update_id: string; service_request_id: string; status: string; updated_datetime: string; description: string; media_url: string | null; external_status_code: string };
    let since: string;
    let id: string;
    const window = () => `start_date=${encodeURIComponent(since)}&end_date=${encodeURIComponent(w3c(Date.now() + 60_000))}&api_key=${apiKey}&jurisdiction_id=${JURISDICTION}`;
    const updatesOf = async (query = window()): Promise<Update[]> => {
      const res = await get(`servicerequestupdates.json?${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      return (res.json() as Update[]).filter((u) => u.service_request_id === id);
    };
    const comment = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      gateway.app.inject({
        method: 'POST',
        url: `${BASE}/servicerequestupdates.${form.format ?? 'json'}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
        payload: new URLSearchParams({ api_key: apiKey, jurisdiction_id: JURISDICTION, service_request_id: id, status: 'OPEN', updated_datetime: w3c(Date.now()), ...COMMENTER, ...form }).toString(),
      });
    const step = (token: string, action: string, body: object = {}) => api(token, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body);

    beforeAll(async () => {
      // To the millisecond: the steps of the requests posted just before are not in this window.
      since = new Date().toISOString();
      const created = await post('requests.json', { api_key: apiKey, service_code: 'ENV.GARBAGE', address_string: '文汇小区西门', description: '西门垃圾桶满溢', ...CITIZEN });
      expect(created.statusCode).toBe(200);
      id = created.json()[0].service_request_id;
      // Through the hotline with the staff's tokens, each step with a note the public must never read.
      expect((await step(operator, 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' }, comment: '内部：请城管尽快处理' })).json()).toMatchObject({ status: 'dispatched' });
      expect((await step(department, 'sign', { comment: '内部：已派车' })).statusCode).toBe(200);
      expect((await step(department, 'contact', { comment: '内部：已电话联系王女士' })).statusCode).toBe(200);
      expect((await step(department, 'answer', { resolution: 'resolved', text: '垃圾已清运，垃圾桶已更换', comment: '内部：司机张师傅' })).json()).toMatchObject({ status: 'answered' });
    });

    it('answers the public steps since a time, in order, in JSON and XML — never a note, the caller or who did it', async () => {
      const updates = await updatesOf();
      expect(updates.map((u) => [u.status, u.external_status_code, u.description])).toEqual([
        ['open', 'received', '12345热线已受理，待派单'],
        ['action_scheduled', 'dispatched', '已派至承办单位，待签收'],
        ['in_progress', 'signed', '承办单位已签收，正在办理'],
        ['fixed', 'answered', '垃圾已清运，垃圾桶已更换'],
      ]);
      for (const u of updates) expect(u).toEqual({ update_id: expect.stringMatching(/^\d+$/), service_request_id: id, status: expect.any(String), updated_datetime: expect.stringMatching(W3C), description: expect.any(String), media_url: null, external_status_code: expect.any(String) });
      expect(updates.map((u) => Number(u.update_id))).toEqual([...updates.map((u) => Number(u.update_id))].sort((a, b) => a - b));

      const xml = await get(`servicerequestupdates.xml?${window()}`);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      const root = parseXml(xml.body);
      expect(root.name).toBe('service_request_updates');
      const mine = root.children.filter((e) => text(e, 'service_request_id') === id);
      for (const e of mine) expect([e.name, e.children.map((c) => c.name)]).toEqual(['request_update', UPDATE_FIELDS]);
      expect(mine.map(record)).toEqual(updates.map((u) => ({ ...u, media_url: '' })));

      const haystack = xml.body + JSON.stringify(updates);
      for (const secret of ['内部', '王秀英', CITIZEN.phone, 'dept-1', 'operator-1', 'dongying-app']) expect(haystack).not.toContain(secret);
    });

    it('pages through the updates with page and page_size, and answers none outside the window', async () => {
      const all = await updatesOf();
      const pages: Update[][] = [];
      for (let page = 1; page <= 3; page += 1) pages.push(await updatesOf(`${window()}&page_size=2&page=${page}`));
      expect(pages.map((p) => p.length)).toEqual([2, 2, 0]);
      expect(pages.flat()).toEqual(all);
      expect(await updatesOf(`start_date=${encodeURIComponent(w3c(Date.now() + 60_000))}`)).toEqual([]);
    });

    it('records a citizen’s comment on the appeal’s timeline and answers it in the updates; a retry is the same update', async () => {
      const first = await comment({ update_id: 'fms-1001', description: '谢谢，已经清理干净了', media_url: 'https://example.org/photos/clean.jpg' });
      expect(first.statusCode).toBe(200);
      const [answer] = first.json();
      expect(answer).toEqual({ update_id: expect.stringMatching(/^\d+$/), service_notice: expect.stringContaining('已记录') });

      // FixMyStreet retrying after a timeout: the same update_id, or the same Idempotency-Key, is the same update.
      expect((await comment({ update_id: 'fms-1001', description: '谢谢，已经清理干净了', media_url: 'https://example.org/photos/clean.jpg' })).json()).toEqual([answer]);
      expect(expectError(await comment({ update_id: 'fms-1001', description: '另一条补充' }), 400, 'json')[0]).toContain('update_id fms-1001');
      const keyed = { 'idempotency-key': 'fms-retry-0001' };
      // A retry sends the same body again, its updated_datetime included (a new second would make it another request).
      const retried = { description: '西门那边也清理了', updated_datetime: w3c(Date.now()) };
      const once = (await comment(retried, keyed)).json();
      expect((await comment(retried, keyed)).json()).toEqual(once);

      const updates = await updatesOf();
      expect(updates.slice(4).map((u) => [u.update_id, u.status, u.external_status_code, u.description, u.media_url])).toEqual([
        [answer.update_id, 'fixed', 'answered', '谢谢，已经清理干净了', 'https://example.org/photos/clean.jpg'],
        [once[0].update_id, 'fixed', 'answered', '西门那边也清理了', null],
      ]);

      // The staff read it on the appeal's timeline, from the client application; the appeal itself did not move.
      const timeline = (await api(operator, 'GET', `/api/v1/appeals/${id}/timeline`)).json() as { action: string; actor: string; comment: string; toStatus: string }[];
      const comments = timeline.filter((e) => e.action === 'citizen_update');
      expect(comments).toEqual([
        expect.objectContaining({ actor: 'open311:dongying-app', fromStatus: 'answered', toStatus: 'answered', comment: '谢谢，已经清理干净了\n【照片】https://example.org/photos/clean.jpg' }),
        expect.objectContaining({ actor: 'open311:dongying-app', comment: '西门那边也清理了' }),
      ]);
      expect((await api(operator, 'GET', `/api/v1/appeals/${id}`)).json().status).toBe('answered');
    });

    it('takes a comment on a closed appeal without reopening it, and says so', async () => {
      expect((await step(operator, 'callback', { satisfaction: 'satisfied', comment: '内部：回访王女士满意' })).json().status).toBe('closed');
      const res = await comment({ format: 'xml', update_id: 'fms-1002', status: 'CLOSED', description: '又有人乱扔了' });
      expect(res.statusCode).toBe(200);
      const root = parseXml(res.body);
      expect([root.name, root.children.map((c) => c.name)]).toEqual(['service_request_updates', ['request_update']]);
      expect(text(root.children[0], 'service_notice')).toContain('不会重新开启');
      expect((await api(operator, 'GET', `/api/v1/appeals/${id}`)).json()).toMatchObject({ status: 'closed', reopenCount: 0 });
      expect((await updatesOf()).slice(-2).map((u) => [u.status, u.description])).toEqual([
        ['closed', '已办结'],
        ['closed', '又有人乱扔了'],
      ]);
    });

    it('answers bad input with Open311 errors: 403 without a key, 400 for a missing or unknown request or field, 404 elsewhere', async () => {
      expectError(await comment({ api_key: '' }), 403, 'json');
      expectError(await comment({ api_key: 'o311_not-a-key', format: 'xml' }), 403, 'xml');
      expect(expectError(await comment({ service_request_id: '', description: '补充' }), 400, 'json')).toEqual(['service_request_id: service_request_id was not provided']);
      expect(expectError(await comment({ format: 'xml', service_request_id: '00000000-0000-4000-8000-000000000000', description: '补充' }), 400, 'xml')[0]).toMatch(/^service_request_id: .* was not found$/);
      // A request Open311 does not publish (taken by phone) is unknown here, like one that does not exist.
      const byPhone = (await api(operator, 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', caller: { phone: '13905460001' }, content: '电话诉求', categoryCode: 'ENV.GARBAGE', location: { lat: 37.405, lng: 118.505 } })).json().appeal.id;
      expect(expectError(await comment({ service_request_id: byPhone, description: '补充' }), 400, 'json')[0]).toContain('was not found');
      expect(expectError(await comment({ description: '补充', status: 'SOLVED', updated_datetime: 'yesterday' }), 400, 'json').map((d) => d.split(':')[0])).toEqual(['status', 'updated_datetime']);
      expect(expectError(await comment({ description: '' }), 400, 'json')).toEqual(['description: description was not provided']);
      expectError(await comment({ jurisdiction_id: 'elsewhere.gov.cn', description: '补充' }), 404, 'json');
      expectError(await get('servicerequestupdates.json?jurisdiction_id=elsewhere.gov.cn'), 404, 'json');
      expect(expectError(await get('servicerequestupdates.xml?start_date=2026-11-01T10:00:00'), 400, 'xml')[0]).toContain('start_date');
      expect(expectError(await get('servicerequestupdates.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400, 'json')[0]).toContain('90 days');
      expect(expectError(await get('servicerequestupdates.json?page_size=1001'), 400, 'json')[0]).toContain('page_size');
      expectError(await gateway.app.inject({ method: 'POST', url: `${BASE}/servicerequestupdates.json`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'x' }, payload: 'a=b' }), 400, 'json');
      expectError(await get('servicerequestupdates.html'), 404, 'xml');
      // Nothing of the refused posts reached the timeline.
      const timeline = (await api(operator, 'GET', `/api/v1/appeals/${id}/timeline`)).json() as { action: string }[];
      expect(timeline.filter((e) => e.action === 'citizen_update')).toHaveLength(3);
    });

    it('never keeps, logs or answers the commenter’s e-mail, name or phone', async () => {
      const answers = await Promise.all([`servicerequestupdates.json?${window()}`, `servicerequestupdates.xml?${window()}`].map(get));
      const timeline = await api(operator, 'GET', `/api/v1/appeals/${id}/timeline`);
      const haystack = [...answers, timeline].map((a) => a.body).join('\n');
      for (const secret of [COMMENTER.email, COMMENTER.phone, '李雷', '雷 李']) {
        expect(haystack).not.toContain(secret);
        expect(gatewayLogs.text()).not.toContain(secret);
        for (const service of walk.platform.services) expect(service.logs.text()).not.toContain(secret);
      }
    });
  });
});
