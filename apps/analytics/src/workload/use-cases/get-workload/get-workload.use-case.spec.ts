import type { Caller } from '@gridline/auth';
import { NameBook, type ReferenceRepository } from '@gridline/registry-reference';
import type { PartyFiguresRepository } from '../../../party/party-figures.repository';
import type { WorkloadRepository, WorkloadRow } from '../../workload.repository';
import { GetWorkloadQuery } from './get-workload.query';
import { GetWorkloadUseCase } from './get-workload.use-case';

const STREET = '370502003';
const GRID = '370502003001001';
const PATHS: Record<string, string[]> = { [STREET]: [STREET], [GRID]: [STREET, '370502003001', GRID] };
const row = (subject: string, reported: number): WorkloadRow => ({ subject, reported, handled: 0, handledOnTime: 0, visits: 0, partyHours: 0 });

function useCase(rows: WorkloadRow[]) {
  const workload = { workload: jest.fn(async () => rows) };
  const units = { unit: jest.fn(async (code: string) => (PATHS[code] ? { code, level: 'grid', path: PATHS[code] } : null)) } as unknown as PartyFiguresRepository;
  const reference = { names: jest.fn(async () => new NameBook(new Map([[GRID, '文汇一网格']]), new Map(), new Map())) } as unknown as ReferenceRepository;
  return { workload, run: (caller: Caller, query: GetWorkloadQuery['query']) => new GetWorkloadUseCase(workload as unknown as WorkloadRepository, units, reference).execute(new GetWorkloadQuery(caller, query)) };
}

describe(GetWorkloadUseCase.name, () => {
  it('answers a figures reader everyone of the unit, named, over the period asked', async () => {
    const { workload, run } = useCase([row('staff-1', 2), row('scheduler', 1)]);
    const view = await run({ sub: 'a', roles: ['analyst'], units: [STREET] }, { unit: GRID, from: '2026-11-01', to: '2026-11-30' });
    expect(view).toMatchObject({ unit: GRID, unitName: '文汇一网格', from: '2026-11-01', to: '2026-11-30', self: false, staff: [{ subject: 'staff-1', reported: 2 }] });
    expect(workload.workload).toHaveBeenCalledWith({ unit: GRID, depth: 3 }, expect.objectContaining({ from: '2026-11-01', to: '2026-11-30' }), undefined);
  });

  it('asks only for the grid staff member’s own row, in their first unit by default', async () => {
    const { workload, run } = useCase([row('staff-1', 1)]);
    const view = await run({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] }, {});
    expect(view).toMatchObject({ unit: GRID, self: true });
    expect(workload.workload).toHaveBeenCalledWith({ unit: GRID, depth: 3 }, expect.anything(), 'staff-1');
  });

  it('refuses a role that reads no workload, and a unit outside the scope as unknown', async () => {
    const { run } = useCase([]);
    await expect(run({ sub: 'p', roles: ['grid_partner'], units: [GRID] }, { unit: GRID })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(run({ sub: 'staff-1', roles: ['grid_staff'], units: [GRID] }, { unit: STREET })).rejects.toMatchObject({ code: 'ANALYTICS_UNIT_NOT_FOUND' });
  });
});
