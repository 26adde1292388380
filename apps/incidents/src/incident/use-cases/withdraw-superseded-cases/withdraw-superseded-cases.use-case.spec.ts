import type { IncidentStatus } from '@gridline/contracts-incidents';
import type { IncidentJournal } from '../../incident-journal';
import { IncidentEntity } from '../../incident.entity';
import type { IncidentRepository } from '../../incident.repository';
import { WithdrawSupersededCasesUseCase } from './withdraw-superseded-cases.use-case';

const caseOf = (id: string, appealHandoff: number | null, status: IncidentStatus = 'accepted') =>
  Object.assign(new IncidentEntity(), { id, status, appealRef: 'appeal-1', appealHandoff, extension: { requestedUntil: 'x', reason: 'y', requestedBy: 'z' } });

function setup(open: IncidentEntity[]) {
  const journal = { startStep: jest.fn(async (i: IncidentEntity) => Object.assign(i, { step: null, dueAt: null })), record: jest.fn() };
  const incidents = { openOfAppeal: jest.fn(async () => open), save: jest.fn(async () => undefined) };
  const useCase = new WithdrawSupersededCasesUseCase(incidents as unknown as IncidentRepository, journal as unknown as IncidentJournal);
  return { journal, incidents, run: (more: { handoff: number | null; toGrid: boolean }) => useCase.execute({ appealId: 'appeal-1', reason: '12345已改派', ...more }) };
}

describe(WithdrawSupersededCasesUseCase.name, () => {
  it('withdraws the open case of an earlier hand-off when the appeal goes to another grid, and keeps the new one', async () => {
    const old = caseOf('old', 1, 'handled');
    const current = caseOf('new', 2, 'reported');
    const { run, journal, incidents } = setup([old, current]);
    expect(await run({ handoff: 2, toGrid: true })).toBe(1);
    expect(old).toMatchObject({ status: 'cancelled', extension: null, step: null, dueAt: null });
    expect(current.status).toBe('reported');
    expect(incidents.openOfAppeal).toHaveBeenCalledWith('appeal-1');
    expect(journal.record).toHaveBeenCalledWith(old, { action: 'cancel', actor: 'hotline', from: 'handled', comment: '12345已改派', details: { supersededBy: 2 } }, 'cancelled');
    expect(incidents.save).toHaveBeenCalledTimes(1);
  });

  it('withdraws the current hand-off’s case too when the appeal goes to a department (no grid hand-off follows)', async () => {
    const legacy = caseOf('legacy', null);
    const { run } = setup([legacy]);
    expect(await run({ handoff: 1, toGrid: false })).toBe(1);
    expect(legacy.status).toBe('cancelled');
  });

  it('leaves a later hand-off’s case alone (an old dispatch taken late), and writes nothing when none is superseded', async () => {
    const later = caseOf('later', 3);
    const { run, journal, incidents } = setup([later]);
    expect(await run({ handoff: 2, toGrid: false })).toBe(0);
    expect(await run({ handoff: 3, toGrid: true })).toBe(0);
    expect(later.status).toBe('accepted');
    expect(journal.record).not.toHaveBeenCalled();
    expect(incidents.save).not.toHaveBeenCalled();
  });
});
