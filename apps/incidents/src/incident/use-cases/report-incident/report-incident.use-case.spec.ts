import { immediateTransactions } from '@gridline/persistence';
import type { Caller } from '@gridline/auth';
import type { RegistryClient } from '@gridline/contracts-registry';
import { IncidentErrorCode, type ReportIncidentRequest } from '@gridline/contracts-incidents';
import type { IncidentsConfig } from '../../../incidents.config';
import { PhotoAttachments } from '../../../photos/photo-attachments';
import type { PhotoRepository } from '../../../photos/photo.repository';
import { NameBook, type ReferenceRepository } from '@gridline/registry-reference';
import type { IncidentJournal } from '../../incident-journal';
import { IncidentEntity } from '../../incident.entity';
import type { IncidentRepository } from '../../incident.repository';
import { ReportIncidentCommand } from './report-incident.command';
import { ReportIncidentUseCase } from './report-incident.use-case';

const GRID = '370502003001001';
const PATH = ['370502003', '370502003001', GRID];
const STAFF: Caller = { sub: 'staff-1', roles: ['grid_staff'], units: [GRID] };
const REPORT: ReportIncidentRequest = { categoryCode: 'ENV.GARBAGE', title: '垃圾堆放', description: '东门外堆放建筑垃圾', gridCode: GRID, source: 'patrol' };

/** A case as the repository answers it once stored. */
const stored = (data: Partial<IncidentEntity>) =>
  Object.assign(new IncidentEntity(), { owner: null, step: 'accept', dueAt: null, supervisionCard: 'none', supervisorUnitCode: null, supervisedSince: null, reworkCount: 0, extension: null, attachments: [], createdAt: new Date(), updatedAt: new Date(), version: 1, ...data });

/** The use case over fakes of exactly its repositories and clients; `earlier` is what the key's claim finds. */
function setup(earlier: (hash: string) => { requestHash: string; incidentId: string } | null = () => null) {
  const rows = new Map<string, IncidentEntity>();
  const incidents = {
    claimIdempotencyKey: jest.fn(async (_actor: string, _key: string, hash: string, _incidentId: string) => earlier(hash)),
    nextWorkOrderNumber: jest.fn(async () => 'GX-20261201-000001'),
    build: jest.fn((data: Partial<IncidentEntity>) => stored(data)),
    insert: jest.fn(async (incident: IncidentEntity, _rows: unknown[]) => void rows.set(incident.id, incident)),
    findById: jest.fn(async (id: string) => rows.get(id) ?? stored({ id, status: 'reported', categoryCode: 'ENV.GARBAGE', gridCode: GRID, path: PATH, reporter: STAFF.sub })),
    nearby: jest.fn(async () => []),
  };
  const reference = {
    category: jest.fn(async (code: string) => (code === 'ENV.GARBAGE' ? { code, parentCode: 'ENV', active: true } : code === 'ENV.OLD' ? { code, parentCode: 'ENV', active: false } : null)),
    unit: jest.fn(async (code: string) => (code === GRID ? { code, level: 'grid', path: PATH, active: true } : null)),
    names: jest.fn(async () => NameBook.EMPTY),
  };
  const registry = { locate: jest.fn(), getUnit: jest.fn() };
  const journal = { startStep: jest.fn(async () => undefined), firstEntry: jest.fn((..._: unknown[]) => [{ entry: 'first' }]) };
  const config = { INCIDENT_DUPLICATE_RADIUS_M: 200, INCIDENT_DUPLICATE_DAYS: 7 } as IncidentsConfig;
  const useCase = new ReportIncidentUseCase(
    incidents as unknown as IncidentRepository,
    reference as unknown as ReferenceRepository,
    registry as unknown as RegistryClient,
    journal as unknown as IncidentJournal,
    config,
    new PhotoAttachments({} as PhotoRepository),
    immediateTransactions,
  );
  return { useCase, incidents, journal, registry };
}

describe(ReportIncidentUseCase.name, () => {
  it('claims the key, numbers the case, starts its accept clock and records it with its event', async () => {
    const { useCase, incidents, journal, registry } = setup();
    const result = await useCase.execute(new ReportIncidentCommand(STAFF, REPORT, 'key-1'));
    expect(result).toMatchObject({ replayed: false, incident: { status: 'reported', workOrder: 'GX-20261201-000001', gridCode: GRID, reporter: STAFF.sub }, possibleDuplicates: [] });
    const [[actor, key, , id]] = incidents.claimIdempotencyKey.mock.calls;
    expect([actor, key, id]).toEqual([STAFF.sub, 'key-1', result.incident.id]);
    expect(journal.startStep).toHaveBeenCalledTimes(1);
    expect(journal.firstEntry).toHaveBeenCalledWith(expect.objectContaining({ id: result.incident.id }), { action: 'report', actor: STAFF.sub, from: null, at: new Date(result.incident.createdAt) }, 'reported');
    // The case is stored with its first entry in one insert, and answered as stored: no read after the commit.
    expect(incidents.insert).toHaveBeenCalledWith(expect.objectContaining({ id: result.incident.id }), [{ entry: 'first' }]);
    expect(incidents.findById).not.toHaveBeenCalled();
    // A grid given without a location is not asked of the registry.
    expect(registry.locate).not.toHaveBeenCalled();
    expect(registry.getUnit).not.toHaveBeenCalled();
  });

  it('answers the earlier case for the same report under a key used before, and creates nothing', async () => {
    const { useCase, incidents, journal } = setup((hash) => ({ requestHash: hash, incidentId: 'earlier-case' }));
    const result = await useCase.execute(new ReportIncidentCommand(STAFF, REPORT, 'key-1'));
    expect(result).toMatchObject({ replayed: true, incident: { id: 'earlier-case' } });
    expect(incidents.build).not.toHaveBeenCalled();
    expect(incidents.insert).not.toHaveBeenCalled();
    expect(incidents.nextWorkOrderNumber).not.toHaveBeenCalled();
    expect(journal.firstEntry).not.toHaveBeenCalled();
  });

  it('refuses another report under a key used before (422), and creates nothing', async () => {
    const { useCase, incidents } = setup(() => ({ requestHash: 'another report', incidentId: 'earlier-case' }));
    const refused = await useCase.execute(new ReportIncidentCommand(STAFF, REPORT, 'key-1')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: IncidentErrorCode.IdempotencyMismatch, kind: 'rule_violation' });
    expect(incidents.insert).not.toHaveBeenCalled();
  });

  it('refuses a category that is not active, naming categoryCode, before anything is claimed', async () => {
    const { useCase, incidents } = setup();
    const refused = await useCase.execute(new ReportIncidentCommand(STAFF, { ...REPORT, categoryCode: 'ENV.OLD' }, 'key-1')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: IncidentErrorCode.Invalid, details: { fields: [{ field: 'categoryCode' }] } });
    expect(incidents.claimIdempotencyKey).not.toHaveBeenCalled();
  });
});
