import { Client } from 'pg';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { RegistryClient, RegistryRegistersClient, residentIdCheckCharacter } from '@gridline/contracts-registry';
import { TestPlatform, unitFactory, type RunningTestService } from '@gridline/testing';
import { PersonalDataService } from '@gridline/persistence';
import { RegistryAppModule } from '../registry-app.module';
import { RegistryConfig } from '../registry.config';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = `${COMMUNITY}001`;
const ADMIN: Caller = { sub: 'admin', roles: ['admin'], units: [] };
const CONSTRAINT = 'test_refuses_every_row';

function idNumber(birth: string, sequence: string): string {
  const first17 = `370502${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

const WANG = { name: '王秀英', idNumber: idNumber('19530917', '028'), birth: ['1953-09-17', '19530917'], phone: '13905462718' };
const ZHAO = { name: '赵德柱', idNumber: idNumber('19611102', '135'), birth: ['1961-11-02', '19611102'], phone: '15805463390' };

/**
 * A database write that fails with personal data in it (the statement's parameters: a name, a birth date, the
 * ciphertexts and blind indexes of an ID number and a phone) leaves none of them in the service's log: the error is
 * logged with its SQLSTATE, table and constraint only.
 */
describe('database errors in the registry log', () => {
  let platform: TestPlatform;
  let service: RunningTestService;
  let registers: RegistryRegistersClient;
  let personalData: PersonalDataService;
  let db: Client;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    service = await platform.start('registry', RegistryConfig, (config) => RegistryAppModule.register(config), { LOG_LEVEL: 'info' });
    const bus = await platform.bus();
    registers = new RegistryRegistersClient(bus);
    personalData = service.app.get(PersonalDataService);
    const units = new RegistryClient(bus);
    for (const unit of [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()]) {
      await units.createUnit(ADMIN, unit);
    }
    db = new Client({ connectionString: platform.db.url });
    await db.connect();
    // Every new resident row now fails in PostgreSQL, after the service built its statement.
    await db.query(`alter table registry.resident add constraint ${CONSTRAINT} check (false) not valid`);
  });

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  /** Every value of the person that reached the statement, as the service stored it or would have. */
  function secretsOf(person: typeof WANG): string[] {
    return [person.name, person.idNumber, person.phone, ...person.birth, personalData.indexIdNumber(person.idNumber), personalData.indexPhone(person.phone)];
  }

  function expectClean(logs: string, person: typeof WANG): void {
    for (const secret of secretsOf(person)) expect(logs).not.toContain(secret);
    // No ciphertext token of any key (v1.<keyId>.<iv>.<tag>.<ciphertext>).
    expect(logs).not.toMatch(/v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9+/=_-]+\.[A-Za-z0-9+/=_-]+\./);
    expect(logs).not.toMatch(/insert into/i);
  }

  it('logs a failed insert with its code, table and constraint, without the statement or its values', async () => {
    const error = await registers.createResident(ADMIN, { gridCode: GRID, name: WANG.name, idNumber: WANG.idNumber, phone: WANG.phone }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INTERNAL_ERROR');
    const errorId = (error as AppError).details?.errorId as string;
    const line = service.logs.lines.find((l) => l.includes(errorId));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 'error', err: { code: '23514', table: 'resident', constraint: CONSTRAINT } });
    expectClean(service.logs.text(), WANG);
  });

  it('logs a failed import batch the same way', async () => {
    const job = await registers.startImport(ADMIN, 'residents');
    const error = await registers
      .importBatch(ADMIN, job.id, 2, [{ grid_code: GRID, name: ZHAO.name, id_number: ZHAO.idNumber, phone: ZHAO.phone, building: '', room: '', tags: '' }])
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('INTERNAL_ERROR');
    const line = service.logs.lines.find((l) => l.includes((error as AppError).details?.errorId as string));
    expect(JSON.parse(line!)).toMatchObject({ err: { code: '23514', table: 'resident', constraint: CONSTRAINT } });
    expectClean(service.logs.text(), ZHAO);
  });
});
