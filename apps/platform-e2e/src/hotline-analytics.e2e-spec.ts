import { eventually } from '@gridline/testing';
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
    await walk.seed({ departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }] });
    await walk.sign({
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
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

  it('is for those who read the hotline’s figures', async () => {
    expect((await call('staff', 'GET', '/api/v1/analytics/hotline')).statusCode).toBe(403);
  });
});
