import type { Caller } from '@gridline/auth';
import { NameBook, type GridStaffAssignment, type ReferenceRepository, type RegistryReference } from '@gridline/registry-reference';
import type { PartyFiguresRepository } from '../../../party/party-figures.repository';
import type { WorkloadRepository, WorkloadRow } from '../../workload.repository';
import { GetWorkloadQuery } from './get-workload.query';
import { GetWorkloadUseCase } from './get-workload.use-case';

const STREET = '370502003';
const GRID = '370502003001001';
const PATHS: Record<string, string[]> = { [STREET]: [STREET], [GRID]: [STREET, '370502003001', GRID] };
const row = (subject: string, reported: number): WorkloadRow => ({ subject, reported, handled: 0, handledOnTime: 0, visits: 0, partyHours: 0 });
const staffOf = (personId: string, account: string | null): GridStaffAssignment => ({ assignmentId: `a-${personId}`, personId, name: `name-${personId}`, account, unitCode: GRID, startsOn: '2026-01-01', endsOn: null });

function useCase(staff: GridStaffAssignment[], rows: WorkloadRow[]) {
  const workload = { workload: jest.fn(async () => rows) };
  const units = { unit: jest.fn(async (code: string) => (PATHS[code] ? { code, level: 'grid', path: PATHS[code] } : null)) } as unknown as PartyFiguresRepository;
  const reference = { names: jest.fn(async () => new NameBook(new Map([[GRID, '文汇一网格']]), new Map(), new Map())) } as unknown as ReferenceRepository;
  const registry = { gridStaff: jest.fn(async () => staff) };
  const run = (caller: Caller, query: GetWorkloadQuery['query']) =>
    new GetWorkloadUseCase(workload as unknown as WorkloadRepository, units, reference, registry as unknown as RegistryReference).execute(new GetWorkloadQuery(caller, query));
  return { workload, registry, run };
}

describe(GetWorkloadUseCase.name, () => {
  it('answers a figures reader every grid staff member of the unit, named, over the period asked', async () => {
    const { workload, registry, run } = useCase([staffOf('p1', 'staff-1'), staffOf('p2', null)], [row('staff-1', 2), row('scheduler', 1)]);
    const view = await run({ sub: 'a', roles: ['analyst'], units: [STREET] }, { unit: GRID, from: '2026-11-01', to: '2026-11-30' });
    expect(view).toMatchObject({ unit: GRID, unitName: '文汇一网格', from: '2026-11-01', to: '2026-11-30', self: false, total: { reported: 2 } });
    expect(view.staff).toMatchObject([
      { personId: 'p1', name: 'name-p1', subject: 'staff-1', grids: [{ code: GRID, name: '文汇一网格' }], reported: 2 },
      { personId: 'p2', name: 'name-p2', subject: null, reported: 0 },
    ]);
    expect(registry.gridStaff).toHaveBeenCalledWith(GRID, '2026-11-01', '2026-11-30');
    expect(workload.workload).toHaveBeenCalledWith({ unit: GRID, depth: 3 }, expect.objectContaining({ from: '2026-11-01', to: '2026-11-30' }), undefined);
  });

  it('answers grid staff only their own row, in their first unit by default', async () => {
    const { workload, run } = useCase([staffOf('p1', 'staff-1'), staffOf('p2', 'staff-2')], [row('staff-1', 1)]);
    const view = await run({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] }, {});
    expect(view).toMatchObject({ unit: GRID, self: true, staff: [{ personId: 'p1', subject: 'staff-1', reported: 1 }] });
    expect(view.staff).toHaveLength(1);
    expect(workload.workload).toHaveBeenCalledWith({ unit: GRID, depth: 3 }, expect.anything(), 'staff-1');
  });

  it('answers a grid staff login that is no staff member of the unit an empty table, without counting', async () => {
    const { workload, run } = useCase([staffOf('p2', 'staff-2')], [row('staff-9', 4)]);
    expect(await run({ sub: 'staff-9', roles: ['grid_staff'], units: [GRID] }, {})).toMatchObject({ self: true, staff: [], total: { reported: 0 } });
    expect(workload.workload).not.toHaveBeenCalled();
  });

  it('refuses a role that reads no workload, and a unit outside the scope as unknown', async () => {
    const { run } = useCase([], []);
    await expect(run({ sub: 'p', roles: ['grid_partner'], units: [GRID] }, { unit: GRID })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(run({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] }, { unit: STREET })).rejects.toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
  });
});
