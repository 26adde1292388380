import type { Caller } from '@gridline/auth';
import { immediateTransactions } from '@gridline/persistence';
import { PARTY_BUILDING_EVENTS, PartyErrorCode } from '@gridline/contracts-party-building';
import { refusal } from '../../../testing/party-test-support';
import { RegistrationEntity } from '../../registration.entity';
import type { RegistrationAccess } from '../../registration-access';
import type { RegistrationRepository } from '../../registration.repository';
import type { RegistrationViews } from '../../registration-views';
import { PartyScope } from '../../../scope/party-scope';
import { DecideRegistrationCommand } from './decide-registration.command';
import { DecideRegistrationUseCase } from './decide-registration.use-case';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const ID = 'e0000000-0000-4000-8000-000000000001';
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary'], units: [COMMUNITY] };
const GRID_SECRETARY: Caller = { sub: 'sec-g', roles: ['party_secretary'], units: [GRID] };
const OTHER_SECRETARY: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: ['370502003002'] };

function setup(state: RegistrationEntity['state'] = 'submitted') {
  const registration = Object.assign(new RegistrationEntity(), { id: ID, memberId: 'm-1', communityCode: COMMUNITY, gridCode: GRID, path: [STREET, COMMUNITY, GRID], post: 'volunteer', startsOn: '2026-12-01', state, submittedBy: 'member-1' });
  const recorded: string[] = [];
  const registrations = {
    lock: jest.fn(async (id: string) => (id === ID ? registration : null)),
    stepped: jest.fn((_: RegistrationEntity, event: { type: string }) => recorded.push(event.type)),
    save: jest.fn(async () => true),
  };
  const access = { reads: jest.fn(async (caller: Caller, r: RegistrationEntity) => PartyScope.reads(caller, r.path)) };
  const views = { one: jest.fn(async (r: RegistrationEntity) => ({ id: r.id, state: r.state, rejectionReason: r.rejectionReason, handoff: { status: r.handoffStatus } })) };
  const useCase = new DecideRegistrationUseCase(registrations as unknown as RegistrationRepository, access as unknown as RegistrationAccess, views as unknown as RegistrationViews, immediateTransactions);
  const decide = (caller: Caller, approve = true) => useCase.execute(new DecideRegistrationCommand(caller, ID, approve ? { approve: true } : { approve: false, reason: '岗位已满' }));
  return { decide, registration, recorded };
}

describe(DecideRegistrationUseCase.name, () => {
  it('approves a submitted registration once: the hand-off pending, registration.approved recorded', async () => {
    const { decide, registration, recorded } = setup();
    expect(await decide(SECRETARY)).toMatchObject({ state: 'approved', handoff: { status: 'pending' } });
    expect(registration).toMatchObject({ decidedBy: 'sec-1', handoffStatus: 'pending' });
    expect(recorded).toEqual([PARTY_BUILDING_EVENTS.registrationApproved.type]);
    expect((await refusal(decide(SECRETARY))).code).toBe(PartyErrorCode.RegistrationState);
    expect(recorded).toHaveLength(1);
  });

  it('rejects with the reason, starting no hand-off', async () => {
    const { decide, registration, recorded } = setup();
    expect(await decide(SECRETARY, false)).toMatchObject({ state: 'rejected', rejectionReason: '岗位已满' });
    expect(registration.handoffStatus).toBe('none');
    expect(recorded).toEqual([PARTY_BUILDING_EVENTS.registrationRejected.type]);
  });

  it('answers another community’s secretary as not found, forbids the grid branch’s, and decides nothing ended', async () => {
    expect((await refusal(setup().decide(OTHER_SECRETARY))).code).toBe(PartyErrorCode.RegistrationNotFound);
    expect((await refusal(setup().decide(GRID_SECRETARY))).kind).toBe('forbidden');
    expect((await refusal(setup('ended').decide(SECRETARY, false))).details).toMatchObject({ state: 'ended' });
    expect((await refusal(setup().decide({ sub: 'm', roles: ['party_member'], units: [] }))).kind).toBe('forbidden');
  });
});
