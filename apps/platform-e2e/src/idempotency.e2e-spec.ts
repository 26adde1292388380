import type { Client } from 'pg';
import { SYSTEM_CALLER } from '@gridline/auth';
import { chinaDay } from '@gridline/platform';
import { RegistryPeopleClient, RegistryRegistersClient, residentIdCheckCharacter, usccCheckCharacter } from '@gridline/contracts-registry';
import { unitFactory } from '@gridline/testing';
import { StreetFixture, chinaDayFromToday } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const idNumber = (n: number) => {
  const first17 = `37050219800101${String(100 + n)}`;
  return first17 + residentIdCheckCharacter(first17);
};
const creditCode = (n: number) => {
  const first17 = `91370502MA3C${String(1000 + n)}X`;
  return first17 + usccCheckCharacter(first17);
};

type Who = 'admin' | 'staff' | 'street' | 'operator';
interface Create {
  who: Who;
  url: string;
  body: object | string;
  contentType?: string;
}

/** One kind of create: the n-th request of its kind (each n a different object), and how many objects exist. */
interface CreateKind {
  name: string;
  make(n: number): Create;
  table: string;
  /** The create's answer says so on a replay. */
  marksReplay?: boolean;
  /** Concurrent retries may see the first one still at work: they agree on this much. */
  sameObject?: (answer: Record<string, unknown>) => unknown;
}

describe('Idempotency-Key on every create, through the gateway', () => {
  let walk: StreetFixture;
  let db: Client;
  const people: string[] = [];
  const visits: string[] = [];
  let householdId: string;
  let disputeCase: string;
  let acceptedCase: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', 'hotline'], gateway: true });
    db = await walk.db();
    const limits = { acceptLimit: { amount: 1, unit: 'working_days' as const }, handleLimit: { amount: 5, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'DISPUTE', name: '矛盾纠纷' },
        { code: 'DISPUTE.NEIGHBOUR', name: '邻里纠纷', parentCode: 'DISPUTE', owner: { level: 'grid' }, ...limits },
      ],
    });
    const peopleClient = new RegistryPeopleClient(walk.seedBus);
    for (let n = 0; n < 30; n++) people.push((await peopleClient.createPerson(SYSTEM_CALLER, { name: `网格员${n}` })).id);
    householdId = (await new RegistryRegistersClient(walk.seedBus).createHousehold(SYSTEM_CALLER, { gridCode: GRID, address: '文汇小区3号楼', room: '1-101' })).id;

    await walk.sign({
      admin: { sub: 'admin-1', roles: ['admin'] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
    });
    await walk.untilCreated(() => send({ who: 'staff', url: '/api/v1/incidents', body: garbage('probe') }));
    disputeCase = await caseIn({ ...garbage('邻里纠纷'), categoryCode: 'DISPUTE.NEIGHBOUR' }, 'in_progress');
    acceptedCase = await caseIn(garbage('需要联席研判'), 'accepted');
    for (let n = 0; n < 30; n++) {
      const visit = await send({ who: 'staff', url: '/api/v1/visits', body: { householdId, gridCode: GRID, date: chinaDay(), notes: `走访${n}` } });
      visits.push(visit.json().id);
    }
  });

  afterAll(async () => {
    await walk?.close();
  });

  function garbage(title: string) {
    return { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外堆放建筑垃圾`, gridCode: GRID, source: 'patrol' };
  }

  function send(create: Create, key?: string) {
    return walk.call(create.who, 'POST', create.url, create.body, {
      ...(create.contentType ? { 'content-type': create.contentType } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    });
  }

  async function caseIn(body: object, until: 'accepted' | 'in_progress'): Promise<string> {
    const id: string = (await send({ who: 'staff', url: '/api/v1/incidents', body })).json().incident.id;
    const act = (who: Who, action: string) => send({ who, url: `/api/v1/incidents/${id}/actions/${action}`, body: {} });
    expect((await act('street', 'accept')).statusCode).toBe(200);
    if (until === 'accepted') return id;
    expect((await act('street', 'dispatch')).statusCode).toBe(200);
    expect((await act('staff', 'sign')).statusCode).toBe(200);
    return id;
  }

  const count = async (table: string) => Number((await db.query(`select count(*) from ${table}`)).rows[0].count);

  const KINDS: CreateKind[] = [
    { name: 'units', table: 'registry.unit', make: (n) => ({ who: 'admin', url: '/api/v1/units', body: unitFactory().community(`370502003${100 + n}`).build() }) },
    { name: 'departments', table: 'registry.department', make: (n) => ({ who: 'admin', url: '/api/v1/departments', body: { code: `IDEM_DEPT_${n}`, name: `部门${n}` } }) },
    { name: 'categories', table: 'registry.category', make: (n) => ({ who: 'admin', url: '/api/v1/categories', body: { code: `IDEM${n}X`, name: `类别${n}` } }) },
    { name: 'people', table: 'registry.person', make: (n) => ({ who: 'admin', url: '/api/v1/people', body: { name: `重试${n}` } }) },
    {
      name: 'assignments',
      table: 'registry.assignment',
      make: (n) => ({ who: 'admin', url: `/api/v1/units/${GRID}/assignments`, body: { personId: people[n], role: 'grid_staff' } }),
    },
    { name: 'buildings', table: 'registry.building', make: (n) => ({ who: 'admin', url: '/api/v1/buildings', body: { gridCode: GRID, address: `幸福小区${n}号楼`, floors: 6, unitCount: 2 } }) },
    { name: 'households', table: 'registry.household', make: (n) => ({ who: 'admin', url: '/api/v1/households', body: { gridCode: GRID, address: '幸福小区', room: `${n}-101` } }) },
    { name: 'residents', table: 'registry.resident', make: (n) => ({ who: 'admin', url: '/api/v1/residents', body: { gridCode: GRID, name: `居民${n}`, idNumber: idNumber(n) } }) },
    { name: 'businesses', table: 'registry.business', make: (n) => ({ who: 'admin', url: '/api/v1/businesses', body: { gridCode: GRID, name: `便利店${n}`, creditCode: creditCode(n) } }) },
    {
      name: 'imports',
      table: 'registry.import_job',
      marksReplay: true,
      sameObject: (answer) => answer.id,
      make: (n) => ({ who: 'admin', url: '/api/v1/imports/buildings', contentType: 'text/csv', body: `grid_code,address,floors\n${GRID},导入小区${n}号楼,5\n${GRID},导入小区${n}号楼附楼,3\n` }),
    },
    { name: 'incidents', table: 'incidents.incident', marksReplay: true, make: (n) => ({ who: 'staff', url: '/api/v1/incidents', body: garbage(`重复上报${n}`) }) },
    { name: 'visits', table: 'incidents.visit', make: (n) => ({ who: 'staff', url: '/api/v1/visits', body: { householdId, gridCode: GRID, date: chinaDay(), notes: `重试走访${n}` } }) },
    {
      name: 'cases opened from visits',
      table: 'incidents.incident',
      marksReplay: true,
      make: (n) => ({ who: 'staff', url: `/api/v1/visits/${visits[n]}/incident`, body: { categoryCode: 'ENV.GARBAGE', title: `走访发现${n}`, description: '走访发现楼道堆物' } }),
    },
    { name: 'dispute parties', table: 'incidents.dispute_party', make: (n) => ({ who: 'staff', url: `/api/v1/incidents/${disputeCase}/dispute/parties`, body: { name: `当事人${n}`, role: 'applicant' } }) },
    {
      name: 'mediation sessions',
      table: 'incidents.mediation_session',
      make: (n) => ({ who: 'staff', url: `/api/v1/incidents/${disputeCase}/dispute/sessions`, body: { date: chinaDayFromToday(-1), mediator: `调解员${n}`, outcome: '双方同意再谈' } }),
    },
    {
      name: 'joint discussions',
      table: 'incidents.joint_discussion',
      make: (n) => ({
        who: 'street',
        url: `/api/v1/incidents/${acceptedCase}/joint-discussion`,
        body: { participants: [STREET, 'URBAN_MGMT'], date: chinaDay(), decision: `城管牵头处置（第${n}次研判）`, owners: [{ departmentCode: 'URBAN_MGMT' }] },
      }),
    },
    {
      name: 'appeals',
      table: 'hotline.appeal',
      make: (n) => ({ who: 'operator', url: '/api/v1/appeals', body: { channel: 'phone', type: 'complaint', caller: { name: '王秀英', phone: '13805469999' }, content: `小区门口垃圾堆放${n}` } }),
    },
    { name: 'Open311 keys', table: 'hotline.open311_key', make: (n) => ({ who: 'admin', url: '/api/v1/open311/keys', body: { application: `retry-app-${n}` } }) },
  ];

  const withoutReplayMark = (answer: Record<string, unknown>) => {
    const { replayed: _, ...rest } = answer;
    return rest;
  };

  describe.each(KINDS.map((kind) => [kind.name, kind] as const))('%s', (name, kind) => {
    const key = (suffix: string) => `${name.replace(/\W/g, '-')}-${suffix}-0000`;

    it('creates one object for a retried create and answers the first answer again', async () => {
      const before = await count(kind.table);
      const first = await send(kind.make(0), key('retry'));
      expect(first.statusCode).toBeLessThan(300);
      const again = await send(kind.make(0), key('retry'));
      expect(again.statusCode).toBe(first.statusCode);
      expect(again.json()).toEqual(kind.marksReplay ? { ...first.json(), replayed: true } : first.json());
      expect(await count(kind.table)).toBe(before + 1);
    });

    it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED naming the header, nothing created', async () => {
      expect((await send(kind.make(1), key('reuse'))).statusCode).toBeLessThan(300);
      const before = await count(kind.table);
      const other = await send(kind.make(2), key('reuse'));
      expect(other.statusCode).toBe(422);
      expect(other.headers['content-type']).toContain('application/problem+json');
      expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { header: 'Idempotency-Key' } });
      expect(await count(kind.table)).toBe(before);
    });

    it('creates one object for concurrent retries with one key', async () => {
      const before = await count(kind.table);
      const answers = await Promise.all([0, 1, 2].map(() => send(kind.make(3), key('concurrent'))));
      expect(answers.map((a) => a.statusCode)).toEqual([answers[0].statusCode, answers[0].statusCode, answers[0].statusCode]);
      expect(answers[0].statusCode).toBeLessThan(300);
      const agreed = answers.map((a) => (kind.sameObject ? kind.sameObject(a.json()) : withoutReplayMark(a.json())));
      expect(agreed[1]).toEqual(agreed[0]);
      expect(agreed[2]).toEqual(agreed[0]);
      expect(await count(kind.table)).toBe(before + 1);
    });
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header, and creates nothing', async () => {
    const before = await count('registry.person');
    for (const bad of ['short', 'with spaces inside', 'k'.repeat(129), '键'.repeat(10)]) {
      const refused = await send({ who: 'admin', url: '/api/v1/people', body: { name: '坏键' } }, bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'Idempotency-Key', reasons: [expect.stringContaining('8 to 128')] }] });
    }
    expect(await count('registry.person')).toBe(before);
  });

  it('scopes keys to the caller: another caller with the same key creates its own object', async () => {
    const body = { gridCode: GRID, address: '共享键小区', room: '9-901' };
    const mine = await send({ who: 'admin', url: '/api/v1/households', body }, 'shared-key-0000');
    const theirs = await send({ who: 'staff', url: '/api/v1/households', body: { ...body, room: '9-902' } }, 'shared-key-0000');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
  });

  it('imports nothing twice: a retried upload reports the first import, another file with the key is 422', async () => {
    const buildings = await count('registry.building');
    const file = `grid_code,address,floors\n${GRID},重传小区1号楼,5\n${GRID},重传小区2号楼,6\n`;
    const upload = (csv: string) => send({ who: 'admin', url: '/api/v1/imports/buildings', contentType: 'text/csv', body: csv }, 'upload-key-0000');
    const first = (await upload(file)).json();
    expect(first).toMatchObject({ status: 'completed', created: 2 });
    expect((await upload(file)).json()).toEqual({ ...first, replayed: true });
    expect((await upload(`${file}${GRID},重传小区3号楼,7\n`)).statusCode).toBe(422);
    expect(await count('registry.building')).toBe(buildings + 2);
  });

  it('documents the Idempotency-Key header on every create route', async () => {
    const doc = (await walk.gateway.app.inject({ method: 'GET', url: '/docs-json' })).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    const creates = [
      '/api/v1/units', '/api/v1/departments', '/api/v1/categories', '/api/v1/people', '/api/v1/units/{code}/assignments', '/api/v1/buildings',
      '/api/v1/households', '/api/v1/residents', '/api/v1/businesses', '/api/v1/imports/{kind}', '/api/v1/incidents', '/api/v1/visits',
      '/api/v1/visits/{id}/incident', '/api/v1/incidents/{id}/dispute/parties', '/api/v1/incidents/{id}/dispute/sessions',
      '/api/v1/incidents/{id}/joint-discussion', '/api/v1/discussions/{id}/meeting', '/api/v1/appeals', '/api/v1/open311/keys', '/api/v1/party/members',
      '/api/v1/party/members/{id}/ledger', '/api/v1/party/me/ledger', '/api/v1/party/organisations', '/api/v1/party/organisations/{id}/officers',
      '/api/v1/party/registrations', '/api/v1/party/activities', '/api/v1/party/activities/held', '/api/v1/party/stations', '/api/v1/party/stations/{id}/records',
      '/api/v1/party/committees', '/api/v1/party/committees/{id}/member-units', '/api/v1/party/committees/{id}/meetings',
    ];
    for (const path of creates) {
      expect({ path, header: doc.paths[path]?.post?.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key') }).toEqual({ path, header: true });
    }
  });
});
