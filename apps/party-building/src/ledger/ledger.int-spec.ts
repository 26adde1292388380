import fc from 'fast-check';
import type { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import { chinaDay, cstYear } from '@gridline/platform';
import { LedgerClient, MembersClient, OrganisationsClient, PARTY_BUILDING_EVENTS, PartyErrorCode, type MemberView, type SubmitServiceRecordBody } from '@gridline/contracts-party-building';
import { PARTY_CALLERS, PARTY_MAP, PARTY_UNITS, fieldsOf, foundPartyTree, memberInput, refusal, startPartyBuilding, type PartyBuildingTest } from '../testing/party-test-support';
import { ServiceLedger } from './service-ledger';

const { STREET, COMMUNITY, OTHER_COMMUNITY, GRID, GRID_2, OTHER_GRID } = PARTY_MAP;
const { ADMIN, INSTRUCTOR } = PARTY_CALLERS;
/** The branch secretary of GRID, a party member of that branch too. */
const SECRETARY: Caller = { sub: 'sec-1', roles: ['party_secretary', 'party_member'], units: [GRID] };
const COMMUNITY_SECRETARY: Caller = { sub: 'sec-2', roles: ['party_secretary'], units: [COMMUNITY] };
const OTHER_SECRETARY: Caller = { sub: 'sec-3', roles: ['party_secretary'], units: [OTHER_GRID] };
const member = (sub: string): Caller => ({ sub, roles: ['party_member'], units: [] });
const ALICE = member('alice');
const BOB = member('bob');
const YEAR = cstYear();
const TODAY = chinaDay();
const NEW_YEAR = `${YEAR}-01-01`;
const LAST_YEAR = `${YEAR - 1}-06-01`;
const task = (over: Partial<SubmitServiceRecordBody> = {}): SubmitServiceRecordBody => ({ task: 'visit', day: TODAY, hours: 1.5, ...over });

describe('the service ledger over the bus', () => {
  let party: PartyBuildingTest;
  let ledger: LedgerClient;
  let credits: ServiceLedger;
  let transactions: TransactionRunner;
  let db: Client;
  const people: Record<string, MemberView> = {};
  const branches: Record<string, string> = {};

  beforeAll(async () => {
    party = await startPartyBuilding([...PARTY_UNITS, { level: 'grid', path: [STREET, COMMUNITY, GRID_2] }]);
    credits = party.service.app.get(ServiceLedger);
    transactions = party.service.app.get(TransactionRunner);
    ledger = new LedgerClient(party.bus);
    const organisations = new OrganisationsClient(party.bus);
    const members = new MembersClient(party.bus);
    db = party.db;
    const tree = await foundPartyTree(organisations);
    branches[GRID] = tree.branch.id;
    branches[OTHER_GRID] = tree.otherBranch.id;
    branches[GRID_2] = (await organisations.create(ADMIN, { name: '二网格支部', level: 'branch', parentId: tree.committee.id, unitCode: GRID_2 })).id;
    for (const [n, account, grid] of [[1, 'alice', GRID], [2, 'bob', GRID], [3, 'sec-1', GRID], [4, 'carol', GRID_2], [5, 'dave', OTHER_GRID]] as const) {
      people[account] = await members.create(ADMIN, { ...memberInput(branches[grid], grid, n), account });
    }
  });

  afterAll(async () => {
    await party?.close();
  });

  it('lets a member record a grid task that only their branch secretary (or a keeper above) approves, never themself', async () => {
    const own = await ledger.submit(ALICE, null, task({ referenceKind: 'incident', referenceId: 'GX-20261130-000012', note: '协助处置' }));
    expect(own).toMatchObject({ memberId: people.alice.id, organisationId: branches[GRID], unitCode: GRID, kind: 'grid_task', task: 'visit', hours: 1.5, points: 3, status: 'pending', submittedBy: 'alice' });

    expect((await refusal(ledger.decide(ALICE, own.id, { decision: 'approved' }))).kind).toBe('forbidden');
    expect((await refusal(ledger.decide(OTHER_SECRETARY, own.id, { decision: 'approved' }))).code).toBe(PartyErrorCode.ServiceRecordNotFound);
    expect((await refusal(ledger.decide(SECRETARY, own.id, { decision: 'rejected' }))).details).toMatchObject({ fields: [{ field: 'reason' }] });
    expect(await ledger.decide(SECRETARY, own.id, { decision: 'approved' })).toMatchObject({ status: 'approved', decidedBy: 'sec-1' });
    expect((await refusal(ledger.decide(SECRETARY, own.id, { decision: 'rejected', reason: 'x' }))).code).toBe(PartyErrorCode.ServiceRecordDecided);

    // The secretary's own record waits for someone else: the community's secretary above decides it.
    const secretarys = await ledger.submit(SECRETARY, null, task({ task: 'building_chief_duty', hours: 2 }));
    expect((await refusal(ledger.decide(SECRETARY, secretarys.id, { decision: 'approved' }))).code).toBe(PartyErrorCode.OwnServiceRecord);
    expect(await ledger.decide(COMMUNITY_SECRETARY, secretarys.id, { decision: 'rejected', reason: '与值班表不符' })).toMatchObject({ status: 'rejected', reason: '与值班表不符' });

    // A member may not give their own points, nor record for someone else; a keeper of the branch may do both.
    expect((await refusal(ledger.submit(ALICE, null, task({ points: 10 })))).details).toMatchObject({ fields: [{ field: 'points' }] });
    expect((await refusal(ledger.submit(ALICE, people.bob.id, task()))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await refusal(ledger.submit(OTHER_SECRETARY, people.bob.id, task()))).code).toBe(PartyErrorCode.MemberNotFound);
    expect(await ledger.submit(SECRETARY, people.bob.id, task({ task: 'case_help', hours: 3, points: 4 }))).toMatchObject({ memberId: people.bob.id, points: 4, status: 'pending', submittedBy: 'sec-1' });

    const events = await db.query(`select type, payload from party_building.outbox where aggregate_key = $1 and type like '%service%' order by id`, [`member:${people.alice.id}`]);
    expect(events.rows.map((r) => r.type)).toEqual([PARTY_BUILDING_EVENTS.memberServiceRecorded.type, PARTY_BUILDING_EVENTS.memberServiceApproved.type]);
    const data = events.rows[1].payload.data;
    expect(data).toEqual({ recordId: own.id, memberId: people.alice.id, organisationId: branches[GRID], unitPath: [STREET, COMMUNITY, GRID], kind: 'grid_task', task: 'visit', activityId: null, day: TODAY, year: YEAR, hours: 1.5, points: 3, status: 'approved' });
    expect(JSON.stringify(events.rows)).not.toContain('协助处置');
  });

  it('credits an activity once per member, approved, inside the caller’s transaction', async () => {
    const activity = '7d4c2f7e-1111-4a3b-9c55-000000000001';
    const credit = () => credits.credit({ memberId: people.carol.id, source: { kind: 'activity', id: activity }, day: NEW_YEAR, hours: 2.5 });
    const [a, b] = await Promise.all([credit(), credit()]);
    expect([a.credited, b.credited].sort()).toEqual([false, true]);
    expect(a.record.id).toBe(b.record.id);
    expect(a.record).toMatchObject({ kind: 'activity', activityId: activity, hours: 2.5, points: 5, status: 'approved', decidedBy: 'system' });
    expect((await credit()).credited).toBe(false);

    // Inside another feature's transaction: a rollback there takes the credit with it.
    const rolledBack = '7d4c2f7e-1111-4a3b-9c55-000000000002';
    await expect(
      transactions.run(async () => {
        await credits.credit({ memberId: people.carol.id, source: { kind: 'activity', id: rolledBack }, day: NEW_YEAR, hours: 1 });
        throw new Error('check-in refused');
      }),
    ).rejects.toThrow('check-in refused');
    const stored = await db.query(`select activity_id, half_hours from party_building.service_record where member_id = $1 and kind = 'activity'`, [people.carol.id]);
    expect(stored.rows).toEqual([{ activity_id: activity, half_hours: 5 }]);
  });

  it('keeps a member’s day within 24 hours in all, naming hours, and refuses hours off the half-hour steps', async () => {
    await credits.credit({ memberId: people.bob.id, source: { kind: 'activity', id: '7d4c2f7e-2222-4a3b-9c55-000000000001' }, day: NEW_YEAR, hours: 20 });
    const full = await refusal(ledger.submit(BOB, null, task({ day: NEW_YEAR, hours: 4.5 })));
    expect(full).toMatchObject({ code: PartyErrorCode.ServiceDayFull, kind: 'rule_violation', details: { fields: [{ field: 'hours' }] } });
    const last = await ledger.submit(BOB, null, task({ day: NEW_YEAR, hours: 4 }));
    // A rejected record frees its time.
    await ledger.decide(SECRETARY, last.id, { decision: 'rejected', reason: '重复申报' });
    expect(await ledger.submit(BOB, null, task({ day: NEW_YEAR, hours: 4 }))).toMatchObject({ hours: 4, status: 'pending' });

    const bad = await refusal(ledger.submit(ALICE, null, task({ hours: 0.3 })));
    expect(bad).toMatchObject({ kind: 'validation', details: { fields: [{ field: 'hours' }] } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.double({ min: -48, max: 48, noNaN: true }).filter((h) => !(h > 0 && h <= 24 && Number.isInteger(h * 2))), fc.constantFrom(0, 24.5, 100)), async (hours) => {
        const error = await refusal(ledger.submit(ALICE, null, task({ hours })));
        expect(error.kind).toBe('validation');
        expect(fieldsOf(error)).toEqual(['hours']);
      }),
      { numRuns: 25 },
    );
    const field = async (body: object) => fieldsOf(await refusal(ledger.submit(ALICE, null, { ...task(), ...body } as SubmitServiceRecordBody)));
    expect(await field({ day: '2026-02-30' })).toEqual(['day']);
    expect(await field({ day: '2199-01-01' })).toEqual(['day']);
    expect(await field({ task: 'sleeping' })).toEqual(['task']);
    expect(await field({ referenceKind: 'incident' })).toEqual(['referenceId']);
    expect(await field({ hours: '2' })).toEqual(['hours']);
    const stored = await db.query(`select count(*)::int as n from party_building.service_record where member_id = $1`, [people.alice.id]);
    expect(stored.rows[0].n).toBe(1);
  });

  it('shows a member their ledger for a China year, approved totals apart from the pending', async () => {
    await credits.credit({ memberId: people.dave.id, source: { kind: 'activity', id: '7d4c2f7e-3333-4a3b-9c55-000000000001' }, day: LAST_YEAR, hours: 3 });
    await credits.credit({ memberId: people.dave.id, source: { kind: 'activity', id: '7d4c2f7e-3333-4a3b-9c55-000000000002' }, day: NEW_YEAR, hours: 0.5 });
    await ledger.submit(member('dave'), null, task({ hours: 1 }));
    const mine = await ledger.memberLedger(member('dave'), null);
    expect(mine).toMatchObject({ memberId: people.dave.id, year: YEAR, approved: { hours: 0.5, points: 1, records: 1 }, pending: { hours: 1, points: 2, records: 1 } });
    expect(mine.records).toHaveLength(2);
    expect((await ledger.memberLedger(member('dave'), null, YEAR - 1)).approved).toEqual({ hours: 3, points: 6, records: 1 });
    expect((await ledger.memberLedger(OTHER_SECRETARY, people.dave.id)).approved.hours).toBe(0.5);
    // Out of scope, or another member: not found.
    expect((await refusal(ledger.memberLedger(SECRETARY, people.dave.id))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await refusal(ledger.memberLedger(ALICE, people.dave.id))).code).toBe(PartyErrorCode.MemberNotFound);
    expect((await refusal(ledger.memberLedger(member('nobody'), null))).code).toBe(PartyErrorCode.MemberNotFound);
    // What awaits a decision, within the caller's scope.
    const queue = await ledger.records(OTHER_SECRETARY, { status: 'pending', page: 1, pageSize: 50 });
    expect(queue.items.map((r) => r.memberId)).toEqual([people.dave.id]);
  });

  it('totals approved hours per branch and per unit for a year or a period, cut to the caller’s scope', async () => {
    const byOrg = (totals: { byOrganisation: { organisationId: string; hours: number; members: number }[] }) => Object.fromEntries(totals.byOrganisation.map((t) => [t.organisationId, t]));
    const all = await ledger.totals(ADMIN, { year: YEAR });
    // GRID: alice 1.5 (approved), bob 20 (activity) + 4 pending, sec-1 rejected; GRID_2: carol 2.5; OTHER_GRID: dave 0.5 (+1 pending).
    expect(byOrg(all)[branches[GRID]]).toMatchObject({ hours: 21.5, points: 43, records: 2, members: 2, pendingHours: 7 });
    expect(byOrg(all)[branches[GRID_2]]).toMatchObject({ hours: 2.5, members: 1, pendingHours: 0 });
    expect(byOrg(all)[branches[OTHER_GRID]]).toMatchObject({ hours: 0.5, members: 1, pendingHours: 1 });
    const units = Object.fromEntries(all.byUnit.map((u) => [u.unitCode, u]));
    expect(units[STREET]).toMatchObject({ hours: 24.5, members: 4 });
    expect(units[COMMUNITY]).toMatchObject({ hours: 24, members: 3 });
    expect(units[GRID]).toMatchObject({ hours: 21.5, members: 2 });

    // A community's reader sees their community and its grids, no street row, nothing of the other community.
    const community = await ledger.totals(INSTRUCTOR, {});
    expect(community.byUnit.map((u) => u.unitCode)).toEqual([COMMUNITY, GRID, GRID_2]);
    expect(community.byOrganisation.map((o) => o.organisationId).sort()).toEqual([branches[GRID], branches[GRID_2]].sort());
    expect((await refusal(ledger.totals(INSTRUCTOR, { unit: OTHER_COMMUNITY }))).code).toBe(PartyErrorCode.UnitNotFound);
    expect((await refusal(ledger.records(INSTRUCTOR, { unit: OTHER_GRID }))).code).toBe(PartyErrorCode.UnitNotFound);
    const grid = await ledger.totals(INSTRUCTOR, { unit: GRID });
    expect(grid.byUnit.map((u) => u.unitCode)).toEqual([GRID]);

    // A period: last year's activity only.
    const lastYear = await ledger.totals(ADMIN, { from: `${YEAR - 1}-01-01`, to: `${YEAR - 1}-12-31` });
    expect(lastYear.byOrganisation).toEqual([expect.objectContaining({ organisationId: branches[OTHER_GRID], hours: 3, members: 1 })]);
    expect((await refusal(ledger.totals(ADMIN, { from: TODAY }))).details).toMatchObject({ fields: [{ field: 'to' }] });
    expect((await refusal(ledger.totals(member('alice'), {}))).kind).toBe('forbidden');
  });
});
