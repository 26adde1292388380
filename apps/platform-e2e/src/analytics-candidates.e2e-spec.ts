import { randomUUID } from 'node:crypto';
import { eventually, unitFactory } from '@gridline/testing';
import { CandidateDetector } from '@gridline/app-analytics';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_COMMUNITY = '370502003002';
const OTHER_STREET = '370502004';
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };

/** Cases reported through the gateway; analytics' detector raises the 3+N candidates; the street centre dismisses and lifts them. */
describe('/api/v1/analytics/candidates and /candidate-rules', () => {
  let walk: StreetFixture;
  const report = async (title: string, categoryCode: string) => {
    await walk.untilCreated(() => walk.call('staff', 'POST', '/api/v1/incidents', { categoryCode, title, description: `${title}：东门外`, location: IN_GRID, source: 'patrol' }));
  };
  const candidateOf = async (category: string) => {
    const res = await walk.call('centre', 'GET', `/api/v1/analytics/candidates?unit=${GRID}`);
    expect(res.statusCode).toBe(200);
    return res.json().items.find((c: { categoryCode: string }) => c.categoryCode === category);
  };

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'incidents', ['analytics', { CANDIDATE_SCAN_MS: '0' }]], gateway: true });
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build(), unitFactory().community(OTHER_COMMUNITY).build(), unitFactory().street(OTHER_STREET).build()],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
      ],
    });
    await walk.sign({
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      centre: { sub: 'centre-1', roles: ['street_admin'], units: [STREET] },
      otherCentre: { sub: 'centre-2', roles: ['street_admin'], units: [OTHER_STREET] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      otherCommunity: { sub: 'community-2', roles: ['community_admin'], units: [OTHER_COMMUNITY] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
    // The default rule: 5 of one category in one grid within 14 days. Garbage and sewage reach it; nothing else.
    for (let i = 0; i < 5; i++) await report(`垃圾堆放${i}`, 'ENV.GARBAGE');
    for (let i = 0; i < 5; i++) await report(`污水外溢${i}`, 'ENV.SEWAGE');
    const db = await walk.db();
    await eventually(async () => expect((await db.query(`select count(*)::int as n from analytics.case_projection`)).rows[0].n).toBe(10), { timeoutMs: 20_000 });
    expect((await walk.service('analytics').app.get(CandidateDetector).scan())?.map((n) => n.result)).toEqual(['raised', 'raised']);
  });

  afterAll(async () => {
    await walk?.close();
  });

  it('lists the raised candidates with their evidence and names, in scope; 403 to grid staff', async () => {
    const res = await walk.call('centre', 'GET', '/api/v1/analytics/candidates?status=raised');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { categoryCode: string }) => c.categoryCode).sort()).toEqual(['ENV.GARBAGE', 'ENV.SEWAGE']);
    const garbage = await candidateOf('ENV.GARBAGE');
    expect(garbage).toMatchObject({ streetCode: STREET, unitCode: GRID, categoryName: '垃圾堆放', status: 'raised', rule: { categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 } });
    expect(garbage.summary).toMatch(/近14天 垃圾堆放 5 起$/);
    expect(garbage.evidence.incidentIds).toHaveLength(5);
    expect((await walk.call('analyst', 'GET', `/api/v1/analytics/candidates/${garbage.id}`)).json()).toMatchObject({ id: garbage.id });
    expect((await walk.call('community', 'GET', `/api/v1/analytics/candidates/${garbage.id}`)).statusCode).toBe(200);
    const outside = await walk.call('otherCommunity', 'GET', `/api/v1/analytics/candidates/${garbage.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'ANALYTICS_CANDIDATE_NOT_FOUND' });
    expect((await walk.call('otherCommunity', 'GET', '/api/v1/analytics/candidates')).json().items).toEqual([]);
    expect((await walk.call('staff', 'GET', '/api/v1/analytics/candidates')).statusCode).toBe(403);
    const bad = await walk.call('centre', 'GET', '/api/v1/analytics/candidates?status=open');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('status');
  });

  it('reads and replaces the rules (the street centre, its own street’s), naming a bad field', async () => {
    const rules = await walk.call('centre', 'GET', '/api/v1/analytics/candidate-rules');
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toMatchObject({ street: STREET, source: 'default' }); // none of its own: the platform default
    expect(rules.json().rules).toEqual([expect.objectContaining({ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5, enabled: true })]);
    expect((await walk.call('community', 'GET', '/api/v1/analytics/candidate-rules')).statusCode).toBe(403);
    const missing = await walk.call('centre', 'PUT', '/api/v1/analytics/candidate-rules', { rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 }, { categoryCode: 'ENV', kind: 'rise_over_baseline', windowDays: 7, minCount: 3, baselineWindows: 4 }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'rules.1.factor' })]);
    const typo = await walk.call('centre', 'PUT', '/api/v1/analytics/candidate-rules', { rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 0, minCount: 5 }] });
    expect(typo.statusCode).toBe(400);
    expect(JSON.stringify(typo.json())).toContain('rules.0.windowDays');
    const put = await walk.call('centre', 'PUT', '/api/v1/analytics/candidate-rules', { rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 }, { categoryCode: 'ENV.SEWAGE', kind: 'within_radius', windowDays: 14, minCount: 4, radiusMetres: 300 }] });
    expect(put.statusCode).toBe(200);
    expect(put.json().rules.map((r: { categoryCode: string }) => r.categoryCode)).toEqual(['*', 'ENV.SEWAGE']);
    expect((await walk.call('centre', 'GET', '/api/v1/analytics/candidate-rules')).json()).toMatchObject({ street: STREET, source: 'street' });
    // Another street's rules are not the centre's: unchanged, 404 to it, and the platform default is an admin's.
    const other = await walk.call('otherCentre', 'GET', '/api/v1/analytics/candidate-rules');
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ street: OTHER_STREET, source: 'default', rules: [expect.objectContaining({ categoryCode: '*', minCount: 5 })] });
    expect(other.json().rules).toHaveLength(1);
    expect((await walk.call('centre', 'GET', `/api/v1/analytics/candidate-rules?street=${OTHER_STREET}`)).statusCode).toBe(404);
    const foreign = await walk.call('centre', 'PUT', `/api/v1/analytics/candidate-rules?street=${OTHER_STREET}`, { rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 2 }] });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    expect((await walk.call('centre', 'PUT', '/api/v1/analytics/candidate-rules?street=*', { rules: [{ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 2 }] })).statusCode).toBe(403);
    const badStreet = await walk.call('centre', 'GET', '/api/v1/analytics/candidate-rules?street=abc');
    expect(badStreet.statusCode).toBe(400);
    expect(JSON.stringify(badStreet.json())).toContain('street');
    expect((await walk.call('otherCentre', 'GET', '/api/v1/analytics/candidate-rules')).json().rules).toHaveLength(1);
  });

  it('returns the street to the default rules with DELETE: 204 each time, the platform default never removed', async () => {
    expect((await walk.call('centre', 'GET', '/api/v1/analytics/candidate-rules')).json()).toMatchObject({ street: STREET, source: 'street' });
    expect((await walk.call('community', 'DELETE', '/api/v1/analytics/candidate-rules')).statusCode).toBe(403);
    const foreign = await walk.call('centre', 'DELETE', `/api/v1/analytics/candidate-rules?street=${OTHER_STREET}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
    const platformDefault = await walk.call('centre', 'DELETE', '/api/v1/analytics/candidate-rules?street=*');
    expect(platformDefault.statusCode).toBe(400);
    expect(platformDefault.json().errors).toEqual([expect.objectContaining({ field: 'street' })]);
    for (let i = 0; i < 2; i++) {
      const removed = await walk.call('centre', 'DELETE', `/api/v1/analytics/candidate-rules?street=${STREET}`);
      expect({ status: removed.statusCode, body: removed.body }).toEqual({ status: 204, body: '' });
    }
    const rules = (await walk.call('centre', 'GET', '/api/v1/analytics/candidate-rules')).json();
    expect(rules).toMatchObject({ street: STREET, source: 'default' });
    expect(rules.rules).toEqual([expect.objectContaining({ categoryCode: '*', kind: 'same_grid', windowDays: 14, minCount: 5 })]);
  });

  it('dismisses a candidate with a reason, once: 409 after, 400 without a reason, 403 to a community', async () => {
    const sewage = await candidateOf('ENV.SEWAGE');
    const empty = await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${sewage.id}/dismiss`, { reason: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('reason');
    expect((await walk.call('community', 'POST', `/api/v1/analytics/candidates/${sewage.id}/dismiss`, { reason: '不是' })).statusCode).toBe(403);
    const res = await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${sewage.id}/dismiss`, { reason: '管网已修复' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dismissed', dismissal: { reason: '管网已修复', by: 'centre-1' } });
    const again = await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${sewage.id}/dismiss`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ANALYTICS_CANDIDATE_NOT_RAISED' });
    expect(JSON.stringify(again.json())).not.toContain((await candidateOf('ENV.GARBAGE')).id);
    expect((await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${randomUUID()}/dismiss`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('lifts a candidate into a 3+N discussion in one action: the event incidents consumes, once for a retried lift', async () => {
    const garbage = await candidateOf('ENV.GARBAGE');
    const key = randomUUID();
    const first = await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${garbage.id}/lift`, undefined, { 'idempotency-key': key });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'lifted', lift: { by: 'centre-1' } });
    const retried = await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${garbage.id}/lift`, undefined, { 'idempotency-key': key });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(first.json());
    const again = await walk.call('centre', 'POST', `/api/v1/analytics/candidates/${garbage.id}/lift`);
    expect(again.statusCode).toBe(409);
    const stored = await eventually(() => walk.lastEvent('analytics', 'events.analytics.candidate.lifted'));
    expect(stored.json()).toMatchObject({
      type: 'gridline.analytics.candidate.lifted.v1',
      data: { candidateId: garbage.id, streetCode: STREET, unitCode: GRID, unitPath: garbage.unitPath, categoryCode: 'ENV.GARBAGE', summary: garbage.summary, evidence: { incidentIds: garbage.evidence.incidentIds, appealIds: [] }, liftedBy: 'centre-1' },
    });
    const lifted = (await walk.storedEvents('analytics')).filter((m) => m.subject.endsWith('candidate.lifted'));
    expect(lifted).toHaveLength(1);
    expect((await walk.call('centre', 'GET', '/api/v1/analytics/candidates?status=lifted')).json().items.map((c: { id: string }) => c.id)).toEqual([garbage.id]);
    // Incidents opens the 3+N discussion from the event; its answer shows on the candidate.
    await eventually(async () => {
      const outcome = (await walk.call('centre', 'GET', `/api/v1/analytics/candidates/${garbage.id}`)).json().outcome;
      expect(outcome).toMatchObject({ status: 'open', discussionId: expect.any(String), tasksTotal: 0, closedAt: null });
    }, { timeoutMs: 20_000 });
  });
});
