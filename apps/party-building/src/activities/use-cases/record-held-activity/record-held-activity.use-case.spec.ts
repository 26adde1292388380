import type { Caller } from '@gridline/auth';
import { immediateTransactions } from '@gridline/persistence';
import { AppError } from '@gridline/platform';
import { PartyErrorCode, type RecordHeldActivityRequest } from '@gridline/contracts-party-building';
import type { Clock } from '../../../clock';
import type { ServiceCredit, ServiceLedger } from '../../../ledger/service-ledger';
import type { OrganisationRepository } from '../../../organisations/organisation.repository';
import type { ActivityAccess } from '../../activity-access';
import { ActivityDrafts } from '../../activity-drafts';
import { ActivityEntity, SignUpEntity } from '../../activity.entity';
import type { ActivityRepository } from '../../activity.repository';
import type { StationRepository } from '../../../stations/station.repository';
import { RecordHeldActivityCommand } from './record-held-activity.command';
import { RecordHeldActivityUseCase } from './record-held-activity.use-case';

const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: ['C'] };
const M1 = '00000000-0000-4000-8000-000000000001';
const M2 = '00000000-0000-4000-8000-000000000002';
const OUTSIDER = '00000000-0000-4000-8000-000000000009';
const ORG = '00000000-0000-4000-8000-0000000000aa';

function setup(options: { dayFull?: string[] } = {}) {
  const now = new Date('2026-12-20T12:00:00+08:00');
  const added: { activity?: ActivityEntity; signUps: SignUpEntity[]; attended: SignUpEntity[] } = { signUps: [], attended: [] };
  const activities = {
    add: jest.fn((data: Partial<ActivityEntity>) => (added.activity = Object.assign(new ActivityEntity(), data))),
    addSignUp: jest.fn((data: Partial<SignUpEntity>) => {
      const s = Object.assign(new SignUpEntity(), data);
      added.signUps.push(s);
      return s;
    }),
    attended: jest.fn((_: ActivityEntity, s: SignUpEntity) => added.attended.push(s)),
    save: jest.fn(async () => undefined),
  };
  const organisations = { findById: jest.fn(async () => ({ id: ORG, unitCode: 'G', path: ['S', 'C', 'G'], active: true })) };
  const access = {
    kept: jest.fn(async (_: Caller, id: string) => (id === OUTSIDER ? null : { id, organisationId: ORG, path: ['S', 'C', 'G'] })),
    admits: jest.fn(async () => true),
  };
  const credits: ServiceCredit[] = [];
  const ledger = {
    credit: jest.fn(async (credit: ServiceCredit) => {
      if (options.dayFull?.includes(credit.memberId)) throw new AppError(PartyErrorCode.ServiceDayFull, 'rule_violation', 'the day is full', {});
      credits.push(credit);
      return { record: { id: `r-${credit.memberId}`, hours: credit.hours }, credited: true };
    }),
  };
  const clock: Clock = { now: () => now };
  const useCase = new RecordHeldActivityUseCase(
    activities as unknown as ActivityRepository,
    new ActivityDrafts(activities as unknown as ActivityRepository, organisations as unknown as OrganisationRepository, { findById: jest.fn(async () => null) } as unknown as StationRepository),
    access as unknown as ActivityAccess,
    ledger as unknown as ServiceLedger,
    immediateTransactions,
    clock,
  );
  const input = (changes: Partial<RecordHeldActivityRequest> = {}): RecordHeldActivityRequest => ({
    organisationId: ORG, kind: 'theme_party_day', title: '主题党日', startsAt: '2026-12-10T09:00:00+08:00', endsAt: '2026-12-10T11:00:00+08:00',
    address: '党群服务中心', capacity: 30, audience: 'organisation', hours: 2, attendeeIds: [M1, M2], ...changes,
  });
  const record = (changes: Partial<RecordHeldActivityRequest> = {}, caller: Caller = SECRETARY) =>
    useCase.execute(new RecordHeldActivityCommand(caller, input(changes))).catch((e: unknown) => e as AppError);
  return { record, added, credits, activities };
}

describe(RecordHeldActivityUseCase.name, () => {
  it('records the held activity with every attendee of the sheet attending at its start, recorded by the keeper, and credits the hours on its day', async () => {
    const { record, added, credits } = setup();
    const held = await record();
    expect(held).toMatchObject({ attended: 2, hoursCredited: 4, creditRefused: [], activity: { signedUp: 2, startsAt: '2026-12-10T01:00:00.000Z' } });
    expect(added.signUps.map((s) => [s.memberId, s.attendedAt?.toISOString(), s.recordedBy, s.walkIn])).toEqual([
      [M1, '2026-12-10T01:00:00.000Z', 'sec-1', false],
      [M2, '2026-12-10T01:00:00.000Z', 'sec-1', false],
    ]);
    expect(added.attended).toHaveLength(2);
    expect(credits.map((c) => [c.memberId, c.day, c.hours, c.source])).toEqual([
      [M1, '2026-12-10', 2, { kind: 'activity', id: added.activity!.id }],
      [M2, '2026-12-10', 2, { kind: 'activity', id: added.activity!.id }],
    ]);
  });

  it('keeps the attendance of a member whose day is full, without hours, saying why', async () => {
    const { record } = setup({ dayFull: [M2] });
    expect(await record()).toMatchObject({ attended: 2, hoursCredited: 2, creditRefused: [{ memberId: M2, reason: 'the day is full' }] });
  });

  it('refuses an activity not yet ended, one older than a year, or a sheet longer than the seats, naming the field, before anything is added', async () => {
    const { record, activities } = setup();
    expect(await record({ endsAt: '2026-12-20T13:00:00+08:00', startsAt: '2026-12-20T11:00:00+08:00' })).toMatchObject({ details: { fields: [{ field: 'endsAt' }] } });
    expect(await record({ startsAt: '2025-12-01T09:00:00+08:00', endsAt: '2025-12-01T11:00:00+08:00' })).toMatchObject({ details: { fields: [{ field: 'startsAt' }] } });
    expect(await record({ capacity: 1 })).toMatchObject({ details: { fields: [{ field: 'attendeeIds' }] } });
    expect(activities.add).not.toHaveBeenCalled();
  });

  it('refuses a member outside the caller\'s units like an unknown one, naming attendeeIds, and never for a member or a reader', async () => {
    const { record } = setup();
    expect(await record({ attendeeIds: [M1, OUTSIDER] })).toMatchObject({ details: { fields: [{ field: 'attendeeIds' }] } });
    expect(await record({}, { sub: 'acct-1', roles: ['party_member'], units: [] })).toMatchObject({ kind: 'forbidden' });
    expect(await record({}, { sub: 'an-1', roles: ['analyst'], units: ['S'] })).toMatchObject({ kind: 'forbidden' });
  });
});
