import { chinaDay } from '@gridline/platform';
import { eventually, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';

describe('GET /api/v1/analytics/hotline', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    // The figures go out at most once a second here (an hour by default), looked for every 100 ms.
    walk = await StreetFixture.start({
      services: ['registry', ['hotline', { HOTLINE_FIGURES_POLL_MS: '100', HOTLINE_FIGURES_INTERVAL_SECONDS: '1' }], 'analytics'],
      gateway: true,
    });
    // A dispatch names a department of the responsibility list.
    await walk.seed({ departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }], units: [unitFactory().street(STREET).build()] });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
      street: { sub: 'street-1', roles: ['street_admin'], units: [STREET] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [`${STREET}001001`] },
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);
  const act = async (who: string, id: string, action: string, body: object = {}) => expect((await call(who, 'POST', `/api/v1/appeals/${id}/actions/${action}`, body)).statusCode).toBe(200);

  it('shows each lead owner’s three rates as the hotline publishes them', async () => {
    for (const [satisfaction, resolution] of [
      ['satisfied', 'resolved'],
      ['basically_satisfied', 'partly_resolved'],
    ]) {
      const taken = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '路灯不亮' });
      const id = taken.json().appeal.id;
      await act('operator', id, 'dispatch', { lead: { departmentCode: 'URBAN_MGMT' } });
      await act('department', id, 'sign');
      await act('department', id, 'answer', { resolution, text: '已安排维修' });
      await act('operator', id, 'callback', { satisfaction });
    }

    await eventually(
      async () => {
        const res = await call('analyst', 'GET', '/api/v1/analytics/hotline');
        expect(res.statusCode).toBe(200);
        expect(res.json().owners).toEqual([
          expect.objectContaining({ owner: 'URBAN_MGMT', appeals: 2, responseRate: 1, resolutionRate: 0.5, satisfactionRate: 1, from: expect.any(String), updatedAt: expect.any(String) }),
        ]);
      },
      { timeoutMs: 10_000 },
    );
    const { owners } = (await call('analyst', 'GET', '/api/v1/analytics/hotline')).json();
    expect(new Date(owners[0].to).getTime() - new Date(owners[0].from).getTime()).toBe(30 * 86_400_000);
  });

  it('answers in the figures by scope the department’s three rates and unit figures the hotline itself computes on the same appeals', async () => {
    const res = await call('analyst', 'GET', '/api/v1/analytics/figures?department=URBAN_MGMT&period=day');
    expect(res.statusCode).toBe(200);
    const { hotline } = res.json();
    expect(hotline).toMatchObject({ owner: 'URBAN_MGMT', appeals: 2 });
    // The hotline's own figures over the very period the published ones cover.
    const own = await call('analyst', 'GET', `/api/v1/appeals/figures?from=${encodeURIComponent(hotline.from)}&to=${encodeURIComponent(hotline.to)}`);
    expect(own.statusCode).toBe(200);
    const mine = own.json().find((f: { owner: string }) => f.owner === 'URBAN_MGMT');
    const rates = ['appeals', 'responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'returnRate', 'reopenRate', 'extensionRate'] as const;
    const pick = (f: Record<string, unknown>) => Object.fromEntries(rates.map((k) => [k, f[k]]));
    expect(pick(hotline)).toEqual(pick(mine));
  });

  it('recounts the three rates and unit figures over the period asked from the appeals’ events, as the hotline counts them on the same appeals', async () => {
    const intake = async () => (await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '井盖缺失' })).json().appeal.id as string;
    const URBAN = { lead: { departmentCode: 'URBAN_MGMT' } };
    // Re-handled: not resolved, the caller dissatisfied; answered again and not reached at the second callback.
    const reopened = await intake();
    await act('operator', reopened, 'dispatch', URBAN);
    await act('department', reopened, 'sign');
    await act('department', reopened, 'answer', { resolution: 'not_resolved', text: '需协调' });
    await act('operator', reopened, 'callback', { satisfaction: 'dissatisfied' });
    await act('department', reopened, 'answer', { resolution: 'resolved', text: '已修复' });
    await act('operator', reopened, 'callback', { satisfaction: 'not_reached' });
    // Returned, approved, dispatched to the department again and left unsigned.
    const returned = await intake();
    await act('operator', returned, 'dispatch', URBAN);
    await act('department', returned, 'return', { reason: '非本单位职责' });
    await act('operator', returned, 'decide_return', { approve: true });
    await act('operator', returned, 'dispatch', URBAN);
    // Extended, answered partly.
    const extended = await intake();
    await act('operator', extended, 'dispatch', URBAN);
    await act('department', extended, 'sign');
    const due = (await call('department', 'GET', `/api/v1/appeals/${extended}`)).json().answerDueAt as string;
    await act('department', extended, 'request_extension', { until: new Date(new Date(due).getTime() + 86_400_000).toISOString(), reason: '需采购配件' });
    await act('operator', extended, 'decide_extension', { approve: true });
    await act('department', extended, 'answer', { resolution: 'partly_resolved', text: '部分修复' });
    // Led by the street: signed and answered by the street centre, the caller satisfied; one received and never dispatched.
    const byStreet = await intake();
    await act('operator', byStreet, 'dispatch', { lead: { unitCode: STREET } });
    await act('street', byStreet, 'sign');
    await act('street', byStreet, 'answer', { resolution: 'resolved', text: '已处理' });
    await act('operator', byStreet, 'callback', { satisfaction: 'satisfied' });
    await intake();

    const today = chinaDay();
    const own = (await call('analyst', 'GET', `/api/v1/appeals/figures?from=${today}&to=${today}`)).json() as Record<string, unknown>[];
    const rates = ['responseRate', 'resolutionRate', 'satisfactionRate', 'onTimeRate', 'returnRate', 'reopenRate', 'extensionRate'] as const;
    const hotlines = (owner: string) => own.find((f) => f.owner === owner)!;
    const ours = (appeals: { appeals: number } & Record<(typeof rates)[number], { rate: number | null }>) => ({ appeals: appeals.appeals, ...Object.fromEntries(rates.map((k) => [k, appeals[k].rate])) });
    const theirs = (f: Record<string, unknown>) => ({ appeals: f.appeals, ...Object.fromEntries(rates.map((k) => [k, f[k]])) });
    expect(hotlines('URBAN_MGMT')).toMatchObject({ appeals: 5, reopenRate: 0.2, returnRate: 0.2, extensionRate: 0.2 });
    await eventually(async () => {
      const urban = (await call('analyst', 'GET', `/api/v1/analytics/figures?department=URBAN_MGMT&period=day`)).json();
      expect(ours(urban.current.appeals)).toEqual(theirs(hotlines('URBAN_MGMT')));
      const street = (await call('analyst', 'GET', `/api/v1/analytics/figures?unit=${STREET}&from=${today}&to=${today}`)).json();
      expect(ours(street.current.appeals)).toEqual(theirs(hotlines(STREET)));
      // By place: every appeal taken today lies in the operator's street, whoever leads it.
      expect(street.current.appeals.received).toBe(7);
    }, { timeoutMs: 10_000 });
    const urban = (await call('analyst', 'GET', `/api/v1/analytics/figures?department=URBAN_MGMT&period=day`)).json();
    // Each rate with its parts: 4 of 5 dispatched signed (the returned one waits), 4 answered of which 2 resolved.
    expect(urban.current.appeals).toMatchObject({
      received: null,
      appeals: 5,
      responseRate: { numerator: 4, denominator: 5 },
      resolutionRate: { numerator: 2, denominator: 4 },
      satisfactionRate: { numerator: 2, denominator: 2 },
      returnRate: { numerator: 1, denominator: 5 },
    });
    expect(urban.previous.appeals).toMatchObject({ appeals: 0, responseRate: { numerator: 0, denominator: 0, rate: null } });
  });

  it('is for those who read the hotline’s figures', async () => {
    expect((await call('staff', 'GET', '/api/v1/analytics/hotline')).statusCode).toBe(403);
  });
});
