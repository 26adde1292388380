/**
 * Resident look-ups and a grid member's resident list over a city's register, through the gateway vs the floor
 * (issue 14 §2).
 *
 * One run: a fresh database and NATS prefix; the registry and the gateway spawned from dist/ exactly as deployed,
 * with personal-data keys of this run; a street of 5 communities and 50 grids created through the gateway. Then
 * BENCH_RESIDENTS residents (500 000) are written straight into `registry.resident` with COPY — ID number and phone
 * encrypted with AES-256-GCM under the run's key, their keyed hashes (HMAC-SHA256) beside them, as the registry's
 * PersonalDataService stores them — without the table's secondary indexes, which are built again afterwards
 * (bench/support/copy-load.ts). GET /api/v1/residents is measured for the exact ID-number and phone look-ups (a
 * street admin and a grid member) and a grid member's list, first and second page, each against a floor running
 * the registry's two statements (the page and its count); one EXPLAIN ANALYZE of each is printed.
 *
 *   npm run bench:residents
 *   BENCH_RESIDENTS=20000 npm run bench:residents
 *
 * Environment: BENCH_RESIDENTS (500000), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_LOG_LEVEL (`info`),
 * DATABASE_URL, NATS_URL. Exits 1 when a measured run had more than 1% non-2xx responses or errors, the floor's
 * statements answered other residents than the gateway, or the setup failed.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { DEV_JWT, signDevToken, type Caller } from '@gridline/auth';
import { PersonalDataCipher, PersonalDataService, generatePersonalDataKey, parsePersonalDataKeys } from '@gridline/persistence';
import { GRIDS, STREET, createGridMap } from './support/grid-map';
import type { Cleanup } from './support/cleanup';
import { copyIntoTable, describeLoad, type CopyValue, type Sql } from './support/copy-load';
import { CONNECTIONS } from './support/load';
import { compareWithGateway, floorTable, measureLists, measureOnFloor, oneCallerTable, startListFloor, type ListCase } from './support/list-floor';
import { failedRuns, pairsCpuTable, pairsTable, type MeasureSettings } from './support/pairs';
import { log, startPlatform } from './support/platform';
import { renderMarkdown, renderText } from './support/report';
import { residentIdNumber, residentName, residentPhone, residentTags } from './support/residents-csv';
import { runBench } from './support/run-bench';
import { benchConfig } from './support/bench.config';

const ROOT = resolve(__dirname, '..', '..');
const BENCH = benchConfig();
const RESIDENTS = Math.round(BENCH.BENCH_RESIDENTS);
const MAX_FAILURE_RATE = 0.01;
const SCHEMA = 'registry';
const CPU_PARTS = ['bench', 'gateway', 'registry', 'postgres', 'nats-server'];
/** Issue 14 §2: an exact look-up, and a scoped list. */
const TARGET_LOOKUP_P99_MS = 10;
const TARGET_LIST_P99_MS = 50;

/** The grid member's grid. */
const GRID = GRIDS[0];
const STREET_ADMIN = { label: 'street admin', caller: { sub: 'bench-street', roles: ['street_admin'], units: [STREET] } as Caller };
const GRID_STAFF = { label: 'grid staff', caller: { sub: 'bench-staff', roles: ['grid_staff'], units: [GRID.code] } as Caller };

/** The run's own personal-data keys, handed to the registry: the bench encrypts and hashes with the same ones. */
const KEYS = { PERSONAL_DATA_KEYS: `bench1:${generatePersonalDataKey()}`, PERSONAL_DATA_ACTIVE_KEY: 'bench1', PERSONAL_DATA_INDEX_KEY: generatePersonalDataKey() };

const COLUMNS = ['id', 'grid_code', 'path', 'name', 'id_number_enc', 'id_number_index', 'sex', 'birth_date', 'phone_enc', 'phone_index', 'tags', 'created_at', 'updated_at'] as const;
const DAY_MS = 86_400_000;

/**
 * Residents with keys 0 … count − 1 (bench/support/residents-csv: valid unique ID numbers, names, phones, tags): the
 * grid spread evenly and at random over the 50 grids, registered over the last three years in key order; nine in ten
 * with a phone; no household (the household table stays empty). Sex and birth date follow the ID number.
 */
function* residentRows(count: number, personalData: PersonalDataService): Generator<CopyValue[]> {
  const start = Date.now() - 3 * 365 * DAY_MS;
  for (let key = 0; key < count; key++) {
    const grid = GRIDS[gridOf(key)];
    const idNumber = residentIdNumber(key);
    const id = personalData.protectIdNumber(idNumber);
    const phone = key % 10 === 3 ? null : personalData.protectPhone(residentPhone(key));
    const created = new Date(start + (key * 3 * 365 * DAY_MS) / count);
    yield [
      randomUUID(),
      grid.code,
      grid.path,
      residentName(key),
      id.enc,
      id.index,
      Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      phone?.enc ?? null,
      phone?.index ?? null,
      residentTags(key),
      created,
      created,
    ];
  }
}

/** The grid of a key: a fixed shuffle (multiplicative hash), so that each grid's residents are spread over the table. */
function gridOf(key: number): number {
  return Math.floor(((Math.imul(key, 0x9e3779b1) >>> 0) / 4294967296) * GRIDS.length);
}

/**
 * The registry's two statements for GET /residents (RegisterRepository.searchResidents through its page(): the
 * filters, then the caller's scope, oldest first, `findAndCount`), 50 a page.
 */
function residentStatements(caller: Caller, filter: { idNumberIndex?: string; phoneIndex?: string }, page = 1, byPath = false): { list: Sql; count: Sql } {
  const values: unknown[] = [];
  const where: string[] = [];
  if (filter.idNumberIndex) where.push(`id_number_index = $${values.push(filter.idNumberIndex)}`);
  if (filter.phoneIndex) where.push(`phone_index = $${values.push(filter.phoneIndex)}`);
  // A grid member (units all 15-digit grid codes) is scoped by grid_code, anybody else by the path (scopeOf);
  // `byPath`: everybody by the path, as before migration 20261215000200_resident_grid_scope.
  const gridMember = !byPath && caller.units.length > 0 && caller.units.every((unit) => /^\d{15}$/.test(unit));
  // MikroORM writes $in as `in (…)`, which PostgreSQL reads as `=` for one grid: the index then gives the order too.
  if (!caller.roles.includes('admin')) where.push(gridMember ? `grid_code in (${caller.units.map((unit) => `$${values.push(unit)}`).join(', ')})` : `path && $${values.push(caller.units)}::text[]`);
  const condition = where.length ? `where ${where.join(' and ')}` : '';
  const table = `"${SCHEMA}"."resident"`;
  return {
    list: { text: `select * from ${table} ${condition} order by created_at asc, id asc limit 50 offset ${(page - 1) * 50}`, values },
    count: { text: `select count(*) as count from ${table} ${condition}`, values },
  };
}

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform = await startPlatform(cleanup, {
    root: ROOT,
    adminDatabaseUrl: BENCH.DATABASE_URL,
    natsUrl: BENCH.NATS_URL,
    logLevel: BENCH.BENCH_LOG_LEVEL,
    serviceEnv: { registry: KEYS },
  });
  const { gateway } = platform;
  const settings: MeasureSettings = {
    seconds: BENCH.BENCH_SECONDS,
    warmupSeconds: BENCH.BENCH_WARMUP_SECONDS,
    pids: { gateway: gateway.child.pid, registry: platform.registry.child.pid },
  };
  const personalData = new PersonalDataService(new PersonalDataCipher(parsePersonalDataKeys(KEYS.PERSONAL_DATA_KEYS, KEYS.PERSONAL_DATA_ACTIVE_KEY, KEYS.PERSONAL_DATA_INDEX_KEY)));
  const adminToken = await signDevToken({ sub: 'bench-admin', roles: ['admin'], units: [] }, DEV_JWT);
  await createGridMap(gateway.url, adminToken);
  log(`created street ${STREET}, 5 communities and ${GRIDS.length} grids through the gateway`);

  interrupted.throwIfAborted();
  const load = await copyIntoTable(platform.databaseUrl, { schema: SCHEMA, table: 'resident', columns: COLUMNS, count: RESIDENTS, rows: residentRows(RESIDENTS, personalData), interrupted });
  const dataset = describeLoad(load, 'residents');
  log(dataset);

  // The one looked up: a resident of the grid member's grid with a phone, about 60% into the register.
  let key = Math.floor(RESIDENTS * 0.6);
  while (gridOf(key) !== 0 || key % 10 === 3) key += 1;
  const idNumber = residentIdNumber(key);
  const phone = residentPhone(key);
  const byId = { idNumberIndex: personalData.indexIdNumber(idNumber) };
  const byPhone = { phoneIndex: personalData.indexPhone(phone) };
  const tokens = { street: await signDevToken(STREET_ADMIN.caller, DEV_JWT), staff: await signDevToken(GRID_STAFF.caller, DEV_JWT) };
  const cases: ListCase[] = [
    { scenario: 'idNumber (exact)', caller: STREET_ADMIN.label, path: `/api/v1/residents?idNumber=${idNumber}`, token: tokens.street, statements: residentStatements(STREET_ADMIN.caller, byId) },
    { scenario: 'idNumber (exact)', caller: GRID_STAFF.label, path: `/api/v1/residents?idNumber=${idNumber}`, token: tokens.staff, statements: residentStatements(GRID_STAFF.caller, byId) },
    { scenario: 'phone (exact)', caller: STREET_ADMIN.label, path: `/api/v1/residents?phone=${phone}`, token: tokens.street, statements: residentStatements(STREET_ADMIN.caller, byPhone) },
    { scenario: 'phone (exact)', caller: GRID_STAFF.label, path: `/api/v1/residents?phone=${phone}`, token: tokens.staff, statements: residentStatements(GRID_STAFF.caller, byPhone) },
    { scenario: 'list (first page)', caller: GRID_STAFF.label, path: '/api/v1/residents', token: tokens.staff, statements: residentStatements(GRID_STAFF.caller, {}) },
    { scenario: 'list (page 2)', caller: GRID_STAFF.label, path: '/api/v1/residents?page=2', token: tokens.staff, statements: residentStatements(GRID_STAFF.caller, {}, 2) },
    { scenario: 'list (first page)', caller: STREET_ADMIN.label, path: '/api/v1/residents', token: tokens.street, statements: residentStatements(STREET_ADMIN.caller, {}) },
  ];
  // The grid member's statements as they were before the scope by grid_code, on the floor alone: the same residents.
  const before: ListCase[] = cases
    .filter((c) => c.caller === GRID_STAFF.label)
    .map((c) => ({ ...c, scenario: `${c.scenario}, by path (before)`, statements: residentStatements(GRID_STAFF.caller, c.scenario.startsWith('idNumber') ? byId : c.scenario.startsWith('phone') ? byPhone : {}, c.path.includes('page=2') ? 2 : 1, true) }));
  const floor = await startListFloor(platform.databaseUrl, [...cases, ...before]);
  cleanup.add('floor', () => floor.close());
  const mismatches = await compareWithGateway(gateway.url, floor, [...cases, ...before]);
  for (const mismatch of mismatches) log(`WARNING: ${mismatch}`);
  const measured = await measureLists(gateway.url, floor, cases, settings, interrupted);
  const { pairs } = measured;
  const byPathRuns = await measureOnFloor(floor, before, settings, interrupted);

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const { machine } = platform;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const runSettings = `${CONNECTIONS} connections, ${BENCH.BENCH_SECONDS} s per run after ${BENCH.BENCH_WARMUP_SECONDS} s warm-up, apps at LOG_LEVEL=${BENCH.BENCH_LOG_LEVEL}; 1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const verdicts = pairs.map((p) => {
    const target = p.scenario.startsWith('list') ? TARGET_LIST_P99_MS : TARGET_LOOKUP_P99_MS;
    return `${p.scenario} [${p.caller}]: p99 ${Number.isNaN(p.gateway.stats.p99) ? '(no answer in time)' : `${p.gateway.stats.p99.toFixed(1)} ms`} through the gateway, target < ${target} ms ${p.gateway.stats.p99 < target ? 'met' : 'missed'}`;
  });
  const title = `Resident look-ups and lists over ${load.rows} residents ("1 query ms": one EXPLAIN ANALYZE of the floor's page plus its count)`;
  process.stdout.write(`\n${title}\n\n${renderText(pairsTable(pairs, { queryColumn: true }))}\n\n${renderText(pairsCpuTable(pairs, CPU_PARTS))}\n\n${renderText(oneCallerTable(measured))}\n\n${renderText(floorTable(byPathRuns))}\n\n${dataset}\n${verdicts.join('\n')}\n${runSettings}\n${env}\n`);
  process.stdout.write(
    `\nMarkdown (${date} UTC):\n\n${title}\n\n${renderMarkdown(pairsTable(pairs, { queryColumn: true, markdown: true }))}\n\n${renderMarkdown(pairsCpuTable(pairs, CPU_PARTS))}\n\n${renderMarkdown(oneCallerTable(measured, true))}\n\n${renderMarkdown(floorTable(byPathRuns, true))}\n\n${dataset}.\n\n${verdicts.map((v) => `- ${v}`).join('\n')}\n\n${runSettings}. ${env}.\n`,
  );

  const problems = [...failedRuns(pairs, MAX_FAILURE_RATE), ...mismatches];
  for (const problem of problems) log(`FAILED: ${problem}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
