import { SYSTEM_CALLER } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { immediateTransactions } from '@gridline/persistence';
import type { IncidentsClient, ReportIncidentRequest } from '@gridline/contracts-incidents';
import { CaseHandoff } from './case-handoff';
import { CaseHandoffEntity } from './case-handoff.entity';
import type { CaseHandoffRepository } from './case-handoff.repository';

const ORIGIN = { kind: 'station_record', id: '9a1c6a0e-6b1e-4d7e-9a43-1b7b1e0c0001' };
const REPORT: ReportIncidentRequest = { categoryCode: 'ENV.GARBAGE', title: '驿站收集：东门垃圾', description: '居民反映东门外垃圾堆放', gridCode: '370502003001001', source: 'party_station' };

/** The hand-off over a fake table and a fake incidents that opens one case per key, as the real one does. */
function setup(refuse?: AppError) {
  // A locked row is a copy until saved: a step that throws before its save leaves the table as it was.
  const rows = new Map<string, CaseHandoffEntity>();
  let locked: CaseHandoffEntity | null = null;
  const handoffs = {
    find: jest.fn(async (key: string) => rows.get(key) ?? null),
    lock: jest.fn(async (key: string) => (locked = rows.has(key) ? Object.assign(new CaseHandoffEntity(), rows.get(key)) : null)),
    claim: jest.fn(async (key: string, origin: { kind: string; id: string }, request: ReportIncidentRequest) => {
      if (!rows.has(key)) rows.set(key, Object.assign(new CaseHandoffEntity(), { key, originKind: origin.kind, originId: origin.id, request }));
      return rows.get(key)!;
    }),
    release: jest.fn(async (key: string) => {
      if (!rows.get(key)?.incidentId) rows.delete(key);
    }),
    save: jest.fn(async () => {
      if (locked) rows.set(locked.key, locked);
    }),
  };
  const cases = new Map<string, string>();
  const incidents = {
    report: jest.fn(async (_caller: unknown, _report: ReportIncidentRequest, key: string) => {
      if (refuse) throw refuse;
      const replayed = cases.has(key);
      if (!replayed) cases.set(key, `case-${cases.size + 1}`);
      return { incident: { id: cases.get(key)!, workOrder: `GX-${cases.get(key)}` }, replayed, possibleDuplicates: [] };
    }),
  };
  const handoff = new CaseHandoff(handoffs as unknown as CaseHandoffRepository, incidents as unknown as IncidentsClient, immediateTransactions);
  return { handoff, handoffs, incidents, rows };
}

describe(CaseHandoff.name, () => {
  it('opens the case as the service itself under the origin’s key and links it in the same step', async () => {
    const { handoff, incidents, rows } = setup();
    const link = jest.fn(async () => undefined);
    const opened = await handoff.open(ORIGIN, REPORT, link);
    expect(opened).toEqual({ incidentId: 'case-1', workOrder: 'GX-case-1', replayed: false });
    expect(incidents.report).toHaveBeenCalledWith(SYSTEM_CALLER, REPORT, `party:station_record:${ORIGIN.id}`);
    expect(link).toHaveBeenCalledWith(opened);
    expect(rows.get(CaseHandoff.keyOf(ORIGIN))).toMatchObject({ incidentId: 'case-1', workOrder: 'GX-case-1' });
  });

  it('answers the case opened before and asks incidents nothing', async () => {
    const { handoff, incidents } = setup();
    await handoff.open(ORIGIN, REPORT, async () => undefined);
    const link = jest.fn(async () => undefined);
    expect(await handoff.open(ORIGIN, REPORT, link)).toEqual({ incidentId: 'case-1', workOrder: 'GX-case-1', replayed: true });
    expect(incidents.report).toHaveBeenCalledTimes(1);
    expect(link).not.toHaveBeenCalled();
  });

  it('after a crash between the answer and the commit, sends the stored report again and links the same case', async () => {
    const { handoff, incidents } = setup();
    const crash = jest.fn(async () => {
      throw new Error('crashed before the commit');
    });
    await expect(handoff.open(ORIGIN, REPORT, crash)).rejects.toThrow('crashed');
    // The stored request goes again, not the retry's own (a changed title would not be the same report to incidents).
    const link = jest.fn(async () => undefined);
    const opened = await handoff.open(ORIGIN, { ...REPORT, title: '改过的标题' }, link);
    expect(opened).toMatchObject({ incidentId: 'case-1', replayed: true });
    expect(incidents.report.mock.calls.map(([, report]) => report.title)).toEqual([REPORT.title, REPORT.title]);
    expect(link).toHaveBeenCalledTimes(1);
  });

  it('forgets a report incidents refused, so a corrected one may be sent', async () => {
    const refusal = new AppError('INCIDENT_INVALID', 'validation', 'categoryCode is not active', {});
    const { handoff, rows } = setup(refusal);
    await expect(handoff.open(ORIGIN, REPORT, async () => undefined)).rejects.toBe(refusal);
    expect(rows.size).toBe(0);
  });

  it('keeps the stored report when incidents did not answer (it may have opened the case)', async () => {
    const timeout = new AppError('SERVICE_TIMEOUT', 'timeout', 'incidents did not answer', {});
    const { handoff, rows } = setup(timeout);
    await expect(handoff.open(ORIGIN, REPORT, async () => undefined)).rejects.toBe(timeout);
    expect(rows.get(CaseHandoff.keyOf(ORIGIN))).toMatchObject({ request: REPORT, incidentId: null });
  });
});
