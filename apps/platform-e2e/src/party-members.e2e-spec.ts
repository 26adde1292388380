import { randomUUID } from 'crypto';
import { residentIdCheckCharacter } from '@gridline/platform';
import { eventually } from '@gridline/testing';
import { PARTY_STREET, foundPartyTree, startPartyStreet } from './support/party-street';
import type { StreetFixture } from './support/street-fixture';

const { GRID } = PARTY_STREET;
const FIRST17 = '37050219780214033';
const MEMBER = { name: '刘红梅', idNumber: FIRST17 + residentIdCheckCharacter(FIRST17), phone: '13905467788' };

/**
 * Party members through the gateway: registered once per Idempotency-Key, masked in every answer, found by their
 * exact ID number, revealed with a reason (audited), their own record for a party member — and no name, ID number
 * or phone in the database in clear, in the events or in any log line of the walk.
 */
describe('/api/v1/party/members', () => {
  let walk: StreetFixture;
  let branchId: string;
  let memberId: string;

  beforeAll(async () => {
    walk = await startPartyStreet();
    ({ branch: branchId } = await foundPartyTree(walk));
  });

  afterAll(async () => {
    await walk?.close();
  });

  const call: StreetFixture['call'] = (...args) => walk.call(...args);

  it('registers a member once per Idempotency-Key and answers them masked', async () => {
    const body = { ...MEMBER, status: 'probationary', joinedOn: '2025-07-01', organisationId: branchId, homeGridCode: GRID, account: 'member-1' };
    const key = randomUUID();
    const first = await call('secretary', 'POST', '/api/v1/party/members', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const again = await call('secretary', 'POST', '/api/v1/party/members', body, { 'idempotency-key': key });
    expect(again.json().id).toBe(first.json().id);
    memberId = first.json().id;
    expect(first.json()).toMatchObject({ name: '刘**', idNumber: `370502********${MEMBER.idNumber.slice(14)}`, phone: '139****7788', status: 'probationary' });
    const found = await call('instructor', 'GET', `/api/v1/party/members?idNumber=${MEMBER.idNumber}`);
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: memberId }] });
    expect((await call('otherSecretary', 'GET', `/api/v1/party/members/${memberId}`)).statusCode).toBe(404);
    expect((await call('instructor', 'PATCH', `/api/v1/party/members/${memberId}`, { status: 'full' })).statusCode).toBe(403);
    expect((await call('secretary', 'PATCH', `/api/v1/party/members/${memberId}`, { status: 'full' })).json()).toMatchObject({ status: 'full' });
  });

  it('answers a party member their own record, and nobody else', async () => {
    const own = await call('member', 'GET', '/api/v1/party/me');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: memberId, name: '刘**' });
    expect((await call('secretary', 'GET', '/api/v1/party/me')).statusCode).toBe(403);
    expect((await call('member', 'GET', `/api/v1/party/members/${memberId}`)).statusCode).toBe(403);
  });

  it('reveals in clear with a reason, audited first; a missing reason is a 400 naming it', async () => {
    const missing = await call('secretary', 'POST', `/api/v1/party/members/${memberId}/reveal`, { fields: ['phone'] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect((await call('instructor', 'POST', `/api/v1/party/members/${memberId}/reveal`, { fields: ['phone'], reason: '联系党员报到' })).statusCode).toBe(403);
    const shown = await call('secretary', 'POST', `/api/v1/party/members/${memberId}/reveal`, { fields: ['name', 'phone'], reason: '联系党员报到' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ id: memberId, name: MEMBER.name, phone: MEMBER.phone });
    const log = (await call('secretary', 'GET', `/api/v1/party/members/audit?memberId=${memberId}`)).json();
    expect(log.items).toEqual([expect.objectContaining({ actor: 'sec-1', memberId, fields: ['name', 'phone'], reason: '联系党员报到' })]);
  });

  it('keeps the name, ID number and phone out of the database in clear, the events and the logs', async () => {
    const db = await walk.db();
    const { rows } = await db.query(`select row_to_json(m)::text as row from party_building.member m union all select payload::text from party_building.outbox`);
    const dump = rows.map((r) => r.row).join('\n');
    expect(dump).toContain(memberId);
    for (const secret of Object.values(MEMBER)) expect(dump).not.toContain(secret);
    await eventually(async () => expect((await walk.storedEvents('party-building')).some((m) => new TextDecoder().decode(m.data).includes(memberId))).toBe(true));
    const events = (await walk.storedEvents('party-building')).map((m) => new TextDecoder().decode(m.data));
    const haystack = [walk.service('party-building').logs.text(), walk.gatewayLogs.text(), ...events].join('\n');
    for (const secret of Object.values(MEMBER)) expect(haystack).not.toContain(secret);
    expect(haystack).not.toMatch(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9+/=_-]+\.[A-Za-z0-9+/=_-]+\./);
  });
});
