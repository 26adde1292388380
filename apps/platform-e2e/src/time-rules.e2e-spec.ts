import { randomUUID } from 'node:crypto';
import { statutoryArrangement } from '@gridline/platform';
import { unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';

describe('time rules through the gateway: the provisional calendar and date-only periods', () => {
  let walk: StreetFixture;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry', 'hotline'], gateway: true });
    await walk.seed({
      units: [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()],
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
    });
    await walk.sign({
      admin: { sub: 'street-admin-1', roles: ['street_admin'], units: [STREET] },
      operator: { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] },
      staff: { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] },
      community: { sub: 'community-1', roles: ['community_admin'], units: [COMMUNITY] },
      analyst: { sub: 'analyst-1', roles: ['analyst'], units: [STREET] },
    });
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => walk.call(who, method, url, payload, { 'idempotency-key': randomUUID() });

  describe('GET /api/v1/calendar/deadline', () => {
    it('crosses the year end on the provisional 2027 calendar and says it is provisional, until the notice is loaded', async () => {
      const { holidays, workdays } = statutoryArrangement([2026]);
      expect((await call('admin', 'PUT', '/api/v1/calendar/2026', { holidays, workdays })).statusCode).toBe(200);
      const url = `/api/v1/calendar/deadline?from=${encodeURIComponent('2026-12-31T10:00:00+08:00')}&amount=1&unit=working_days`;
      const provisional = await call('staff', 'GET', url);
      expect(provisional.statusCode).toBe(200);
      // Friday 1 January 2027 is New Year's Day: one working day after Thursday 31 December ends on Monday 4 January.
      expect(provisional.json()).toMatchObject({ deadline: '2027-01-04T09:30:00.000Z', provisional: true, provisionalYears: [2027] });

      const year = (await call('staff', 'GET', '/api/v1/calendar/2027')).json();
      expect(year).toMatchObject({ year: 2027, provisional: true, workdays: [] });
      expect(year.holidays).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-06', '2027-10-01']));
      expect((await call('staff', 'GET', '/api/v1/calendar/2026')).json()).toMatchObject({ provisional: false });

      // The notice (invented for the test) replaces the provisional year: here Saturday 2 January is worked.
      expect((await call('admin', 'PUT', '/api/v1/calendar/2027', { holidays: ['2027-01-01'], workdays: ['2027-01-02'] })).statusCode).toBe(200);
      expect((await call('staff', 'GET', url)).json()).toMatchObject({ deadline: '2027-01-02T09:30:00.000Z', provisional: false, provisionalYears: [] });
    });
  });

  describe('GET /api/v1/appeals/figures', () => {
    async function appealReceived(receivedAt: string, inGrid: boolean): Promise<string> {
      const location = inGrid ? { location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' } } : {};
      const taken = await call('operator', 'POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: `路灯不亮 ${receivedAt}`, receivedAt, ...location });
      expect(taken.statusCode).toBe(201);
      const id = taken.json().appeal.id as string;
      expect((await call('operator', 'POST', `/api/v1/appeals/${id}/actions/dispatch`, { lead: { departmentCode: 'URBAN_MGMT' } })).statusCode).toBe(200);
      return id;
    }

    beforeAll(async () => {
      await appealReceived('2026-11-01T03:00:00+08:00', true); // 31 October in UTC, 1 November in China
      await appealReceived('2026-11-15T10:00:00+08:00', false); // outside the community
      await appealReceived('2026-11-30T20:00:00+08:00', true); // the last day, in the evening
      await appealReceived('2026-12-01T00:30:00+08:00', true); // 30 November in UTC, 1 December in China: outside
    });

    const appealsOf = async (who: string, query: string) => {
      const answer = await call(who, 'GET', `/api/v1/appeals/figures?${query}`);
      expect(answer.statusCode).toBe(200);
      return (answer.json() as { owner: string; appeals: number }[]).map((f) => [f.owner, f.appeals]);
    };

    it('counts the whole last day of a date-only `to`, and the first day of a date-only `from`, in China time', async () => {
      expect(await appealsOf('analyst', 'from=2026-11-01&to=2026-11-30')).toEqual([['URBAN_MGMT', 3]]);
      expect(await appealsOf('analyst', 'from=2026-11-30&to=2026-11-30')).toEqual([['URBAN_MGMT', 1]]);
      // A date-time `to` is the end itself, excluded.
      expect(await appealsOf('analyst', `from=2026-11-01&to=${encodeURIComponent('2026-11-30T20:00:00+08:00')}`)).toEqual([['URBAN_MGMT', 2]]);
    });

    it("shows a community admin the figures of their own community's appeals", async () => {
      expect(await appealsOf('community', 'from=2026-11-01&to=2026-11-30')).toEqual([['URBAN_MGMT', 2]]);
      expect((await call('staff', 'GET', '/api/v1/appeals/figures?from=2026-11-01&to=2026-11-30')).statusCode).toBe(403);
    });
  });

  describe('GET /api/v1/appeals', () => {
    it('lists the appeals of the last day of a date-only `to`', async () => {
      const answer = await call('operator', 'GET', '/api/v1/appeals?from=2026-11-30&to=2026-11-30');
      expect(answer.statusCode).toBe(200);
      expect(answer.json().items.map((a: { content: string }) => a.content)).toEqual(['路灯不亮 2026-11-30T20:00:00+08:00']);
    });
  });
});
