import type { Caller } from '@gridline/auth';
import type { AnalyticsClient } from '@gridline/contracts-analytics';
import type { IncidentsClient } from '@gridline/contracts-incidents';
import type { OrganisationsClient, StationsClient } from '@gridline/contracts-party-building';
import type { RegistryClient, RegistryPeopleClient, UnitView } from '@gridline/contracts-registry';
import { AppError } from '@gridline/platform';
import { PartAsker } from '../../../http/parts';
import { ReadUnitOverviewUseCase } from './read-unit-overview.use-case';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const staff: Caller = { sub: 'staff-1', name: '网格员', roles: ['grid_staff'], units: [GRID] };

const unit = (code: string, name: string, path: string[]): UnitView =>
  ({ code, name, level: 'grid', kind: null, parentCode: path.at(-2) ?? null, path, standardCode: null, boundary: null, active: true, createdAt: '', updatedAt: '' }) as UnitView;
const refusal = (kind: 'forbidden' | 'not_found' | 'unavailable') => new AppError('X', kind, 'refused');
const never = () => new Promise<never>(() => {});

function overviewWith(fakes: { organisations?: Partial<OrganisationsClient>; stations?: Partial<StationsClient>; incidents?: Partial<IncidentsClient>; analytics?: Partial<AnalyticsClient> }) {
  const registry = {
    getUnit: jest.fn(async (_caller: Caller, code: string) => {
      if (code === GRID) return unit(GRID, '文汇社区第一网格', [STREET, COMMUNITY, GRID]);
      throw refusal('forbidden'); // the street, the community and other grids lie outside a grid member's scope
    }),
  };
  const people = {
    unitPeople: jest.fn(async () => [
      { id: 'a1', personId: 'p1', personName: '王晓梅', personPhone: '138****1234', unitCode: GRID, role: 'grid_staff', startsOn: '2026-01-01', endsOn: null, active: true, workPhone: '0546-8221234' },
    ]),
  };
  const useCase = new ReadUnitOverviewUseCase(
    registry as unknown as RegistryClient,
    people as unknown as RegistryPeopleClient,
    fakes.organisations as OrganisationsClient,
    fakes.stations as StationsClient,
    fakes.incidents as IncidentsClient,
    fakes.analytics as AnalyticsClient,
    new PartAsker(1500),
  );
  return { useCase, registry };
}

describe(ReadUnitOverviewUseCase.name, () => {
  afterEach(() => jest.useRealTimers());

  it('answers every part it can while one service is slow, one unavailable and one refuses the caller', async () => {
    jest.useFakeTimers();
    const { useCase } = overviewWith({
      // party building is slow: its parts time out within the budget
      organisations: { list: jest.fn(never) },
      stations: { list: jest.fn(never) },
      // incidents is not running
      incidents: { counts: jest.fn(() => Promise.reject(refusal('unavailable'))) },
      // analytics refuses a grid member's role
      analytics: { figures: jest.fn(() => Promise.reject(refusal('forbidden'))) },
    });
    const answer = useCase.execute(staff, GRID, '2026-12-01');
    await jest.advanceTimersByTimeAsync(1500);
    expect(await answer).toEqual({
      unit: { code: GRID, name: '文汇社区第一网格', level: 'grid', kind: null, active: true, parentCode: COMMUNITY },
      street: { code: STREET, name: null },
      community: { code: COMMUNITY, name: null },
      staff: { status: 'ok', data: [{ personId: 'p1', name: '王晓梅', role: 'grid_staff', workPhone: '0546-8221234', phone: '138****1234', startsOn: '2026-01-01' }] },
      party: { status: 'unavailable', reason: 'timeout' },
      stations: { status: 'unavailable', reason: 'timeout' },
      cases: { status: 'unavailable', reason: 'unavailable' },
      figures: { status: 'forbidden' },
    });
  });

  it('answers the branch with its current secretary, the stations, the open cases by status and the month’s figures of the unit', async () => {
    const organisations = {
      list: jest.fn(async () => ({
        items: [
          { id: 'g1', name: '第一党小组', level: 'party_group', unitCode: GRID, active: true },
          { id: 'old', name: '旧支部', level: 'branch', unitCode: GRID, active: false },
          { id: 'b1', name: '文汇社区第一网格党支部', level: 'branch', unitCode: GRID, active: true },
        ],
        page: 1, pageSize: 100, total: 3,
      })),
      get: jest.fn(async () => ({
        officers: [
          { role: 'secretary', memberName: '李*', startsOn: '2026-01-01', current: true },
          { role: 'committee_member', memberName: '赵*', startsOn: '2025-01-01', current: false },
        ],
      })),
    };
    const station = { id: 's1', name: '红色驿站', address: '文汇小区3号楼', gridCode: GRID, location: { lat: 37.4, lng: 118.5 }, openingHours: [], functions: ['mediation'], contact: null, organisationId: 'b1', active: true };
    const figures = { scope: { kind: 'unit', code: GRID, name: '文汇社区第一网格', level: 'grid' }, current: { kind: 'month', from: '2026-12-01', to: '2026-12-31' }, party: { grids: 1 } };
    const analytics = { figures: jest.fn(async () => figures) };
    const { useCase } = overviewWith({
      organisations: organisations as unknown as OrganisationsClient,
      stations: { list: jest.fn(async () => ({ items: [station], page: 1, pageSize: 20, total: 1 })) } as unknown as StationsClient,
      incidents: { counts: jest.fn(async () => ({ byStatus: { reported: 2, dispatched: 1, closed: 4, rejected: 1 }, overdue: 1, supervised: 0 })) },
      analytics: analytics as unknown as AnalyticsClient,
    });
    const answer = await useCase.execute(staff, GRID, '2026-12-09');
    expect(organisations.get).toHaveBeenCalledWith(staff, 'b1');
    expect(answer.party).toEqual({
      status: 'ok',
      data: { organisation: { id: 'b1', name: '文汇社区第一网格党支部', level: 'branch' }, secretary: { role: 'secretary', memberName: '李*', startsOn: '2026-01-01' }, officers: [{ role: 'secretary', memberName: '李*', startsOn: '2026-01-01' }] },
    });
    expect(answer.stations).toEqual({ status: 'ok', data: { total: 1, stations: [{ id: 's1', name: '红色驿站', address: '文汇小区3号楼', gridCode: GRID, location: { lat: 37.4, lng: 118.5 }, openingHours: [], functions: ['mediation'], contact: null }] } });
    expect(answer.cases).toEqual({ status: 'ok', data: { open: 3, byStatus: { reported: 2, dispatched: 1 }, overdue: 1, supervised: 0 } });
    expect(analytics.figures).toHaveBeenCalledWith(staff, { unit: GRID, period: 'month', from: '2026-12-09' });
    expect(answer.figures).toEqual({ status: 'ok', data: figures });
  });

  it('answers a unit without an active organisation with none, not as missing', async () => {
    const { useCase } = overviewWith({
      organisations: { list: jest.fn(async () => ({ items: [], page: 1, pageSize: 100, total: 0 })) },
      stations: { list: jest.fn(async () => ({ items: [], page: 1, pageSize: 20, total: 0 })) },
      incidents: { counts: jest.fn(async () => ({ byStatus: {}, overdue: 0, supervised: 0 })) },
      analytics: { figures: jest.fn(never) },
    });
    jest.useFakeTimers();
    const answer = useCase.execute(staff, GRID, '2026-12-09');
    await jest.advanceTimersByTimeAsync(1500);
    expect(await answer).toMatchObject({ party: { status: 'ok', data: { organisation: null, secretary: null, officers: [] } }, figures: { status: 'unavailable', reason: 'timeout' } });
  });

  it('answers a unit outside the scope (or unknown) as not found for the whole, asking no other service', async () => {
    const counts = jest.fn();
    const { useCase } = overviewWith({ incidents: { counts } });
    await expect(useCase.execute(staff, '370502003001002')).rejects.toMatchObject({ kind: 'not_found', code: 'UNIT_NOT_FOUND', message: 'Unit 370502003001002 does not exist' });
    expect(counts).not.toHaveBeenCalled();
  });
});
