import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { connect, headers as natsHeaders, JSONCodec, type NatsConnection as RawNats } from 'nats';
import { CALLER_HEADER, CallerSigner, devCallerKey, type Caller } from '@gridline/auth';
import { withPrefix } from '@gridline/messaging';
import { REGISTRY_REQUESTS, RegistryClient, RegistryRegistersClient, residentIdCheckCharacter } from '@gridline/contracts-registry';
import { TestPlatform, unitFactory, TEST_SERVERS } from '@gridline/testing';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const ADMIN: Caller = { sub: 'auditor', name: '审计员', roles: ['admin'], units: [] };
const first17 = '37050219800101123';
const ID_NUMBER = first17 + residentIdCheckCharacter(first17);
const PHONE = '13805461234';
const codec = JSONCodec<unknown>();

/**
 * The bus is not a trust boundary: a process that reaches NATS and names a caller in a header gets nothing; only an
 * assertion signed by a trusted key, for this service and this request, makes the registry act.
 */
describe('the registry acts only for a signed caller', () => {
  let platform: TestPlatform;
  let registers: RegistryRegistersClient;
  let nc: RawNats;
  let residentId: string;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config));
    const bus = await platform.bus();
    const registry = new RegistryClient(bus);
    registers = new RegistryRegistersClient(bus);
    for (const unit of [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()]) {
      await registry.createUnit(ADMIN, unit);
    }
    residentId = (await registers.createResident(ADMIN, { gridCode: GRID, name: '张三', idNumber: ID_NUMBER, phone: PHONE })).id;
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.close();
  });

  /** A reveal request sent straight to NATS, as any process that reaches the bus could, with the given caller header. */
  async function rawReveal(callerHeader?: string): Promise<{ err?: { code?: string }; response?: unknown }> {
    const h = natsHeaders();
    if (callerHeader !== undefined) h.set(CALLER_HEADER, callerHeader);
    const packet = { pattern: REGISTRY_REQUESTS.revealResident.pattern, data: { id: residentId, fields: ['idNumber', 'phone'], reason: '核实低保申请' }, id: randomUUID() };
    const msg = await nc.request(withPrefix(platform.prefix, REGISTRY_REQUESTS.revealResident.pattern), codec.encode(packet), { timeout: 5000, headers: h });
    return codec.decode(msg.data) as { err?: { code?: string }; response?: unknown };
  }

  const signed = (signer: CallerSigner, caller: Caller | undefined, over: { audience?: string; pattern?: string } = {}) =>
    signer.sign(caller, { audience: over.audience ?? 'registry', pattern: over.pattern ?? REGISTRY_REQUESTS.revealResident.pattern, requestId: randomUUID() });

  const gateway = new CallerSigner('gateway', devCallerKey('gateway'));
  const forgedAdmin: Caller = { sub: 'attacker', name: '平台管理员', roles: ['admin'], units: [] };

  it.each<[string, () => Promise<string | undefined> | string]>([
    ['no caller at all', async () => undefined],
    ['a caller named in plain JSON (the old header)', async () => JSON.stringify(forgedAdmin)],
    ['an assertion signed by a key nobody trusts', () => signed(new CallerSigner('gateway', { kid: 'dev-gateway', key: generateKeyPairSync('ed25519').privateKey }), forgedAdmin)],
    ['an assertion for another service', () => signed(gateway, forgedAdmin, { audience: 'incidents' })],
    ['an assertion for another request', () => signed(gateway, forgedAdmin, { pattern: REGISTRY_REQUESTS.searchResidents.pattern })],
    ['a service asserting a user it did not authenticate', () => signed(new CallerSigner('hotline', devCallerKey('hotline')), forgedAdmin)],
    ['the gateway asserting a platform process', () => signed(gateway, { sub: 'svc:seed', roles: ['admin'], units: [] })],
  ])('refuses %s with UNAUTHENTICATED, revealing nothing and auditing nothing', async (_, header) => {
    const reply = await rawReveal(await header());
    expect(reply.err).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(reply)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(reply)).not.toContain(PHONE);
    const audit = await registers.listAudit(ADMIN, { subjectId: residentId });
    expect(audit.total).toBe(0);
  });

  it('refuses an assertion replayed to the same service', async () => {
    const once = await signed(gateway, ADMIN);
    expect((await rawReveal(once)).response).toMatchObject({ idNumber: ID_NUMBER });
    expect((await rawReveal(once)).err).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('reveals for a caller the gateway signed, and audits the signed name', async () => {
    await expect(registers.revealResident(ADMIN, residentId, { fields: ['phone'], reason: '回访核实电话' })).resolves.toMatchObject({ phone: PHONE });
    const audit = await registers.listAudit(ADMIN, { subjectId: residentId, actor: 'auditor' });
    expect(audit.items.map((a) => a.reason)).toContain('回访核实电话');
  });
});
