/**
 * 12345 appeal searches over a city's year of appeals, through the gateway vs the floor (issue 14 §2).
 *
 * One run: a fresh database and NATS prefix; the registry, the hotline (its supervision scheduler on) and the
 * gateway spawned from dist/ exactly as deployed, with personal-data keys of this run; a street of 5 communities
 * and 50 grids, a department and 20 categories created through the gateway. Then BENCH_APPEALS appeals (1 000 000)
 * are written straight into `hotline.appeal` with COPY — callers' names and phones encrypted with AES-256-GCM under
 * the run's key and the phone's keyed hash (HMAC-SHA256), as the hotline stores them — without the table's secondary
 * indexes, which are built again afterwards (bench/support/copy-load.ts). GET /api/v1/appeals is measured for what a
 * hotline operator and a grid member search: a work-order number, a caller's phone, a common and a rare substring,
 * newest first and page 2, each against a floor running the hotline's two statements (the page and its count) on
 * the same database; one EXPLAIN ANALYZE of each is printed.
 *
 *   npm run bench:appeals
 *   BENCH_APPEALS=20000 npm run bench:appeals
 *
 * Environment: BENCH_APPEALS (1000000), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_LOG_LEVEL (`info`),
 * DATABASE_URL (any database of the server; a gl_bench_* one is created next to it), NATS_URL.
 * Exits 1 when a measured run had more than 1% non-2xx responses or errors, the floor's statements answered other
 * appeals than the gateway, or the setup failed.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { DEV_JWT, signDevToken, type Caller } from '@gridline/auth';
import type { AppealOwner } from '@gridline/contracts-hotline';
import { PersonalDataCipher, containsPattern, generatePersonalDataKey, parsePersonalDataKeys } from '@gridline/persistence';
import { CATEGORIES, DEPARTMENT, ESTATES, GRIDS, ROADS, STREET, createGridMap, pointIn } from './support/grid-map';
import type { Cleanup } from './support/cleanup';
import { copyIntoTable, describeLoad, type CopyValue, type Sql } from './support/copy-load';
import { CONNECTIONS } from './support/load';
import { compareWithGateway, measureLists, oneCallerTable, startListFloor, type ListCase } from './support/list-floor';
import { drainOutbox } from './support/outbox';
import { failedRuns, pairsCpuTable, pairsTable, type MeasureSettings } from './support/pairs';
import { log, startPlatform } from './support/platform';
import { renderMarkdown, renderText } from './support/report';
import { runBench } from './support/run-bench';
import { benchConfig } from './support/bench.config';

const ROOT = resolve(__dirname, '..', '..');
const BENCH = benchConfig();
const APPEALS = Math.round(BENCH.BENCH_APPEALS);
const MAX_FAILURE_RATE = 0.01;
const SCHEMA = 'hotline';
const CPU_PARTS = ['bench', 'gateway', 'hotline', 'registry', 'postgres', 'nats-server'];
const TARGET_P99_MS = 50;

/** The grid member's grid. */
const GRID = GRIDS[0];
const CALLERS: { key: string; label: string; caller: Caller }[] = [
  // A street admin's scope is the street too: the same statements as the operator's.
  { key: 'operator', label: 'hotline operator', caller: { sub: 'bench-operator', roles: ['hotline_operator'], units: [STREET] } },
  { key: 'staff', label: 'grid staff', caller: { sub: 'bench-staff', roles: ['grid_staff'], units: [GRID.code] } },
];

/** The run's own personal-data keys, handed to the hotline: the bench encrypts and hashes with the same ones. */
const KEYS = { PERSONAL_DATA_KEYS: `bench1:${generatePersonalDataKey()}`, PERSONAL_DATA_ACTIVE_KEY: 'bench1', PERSONAL_DATA_INDEX_KEY: generatePersonalDataKey() };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
/** One appeal in five comes from one of these callers, who call again and again (about 10 a year each at 1 M). */
const REPEAT_CALLERS = Math.max(100, Math.round(APPEALS / 50));
const COLUMNS = [
  'id', 'work_order', 'status', 'channel', 'type', 'caller_name_enc', 'caller_phone_enc', 'caller_phone_index', 'anonymous', 'content', 'category_code',
  'lat', 'lng', 'address', 'grid_code', 'path', 'urgency', 'operator', 'lead', 'lead_key', 'dispatch_due_at', 'dispatched_at', 'sign_due_at', 'signed_at',
  'answer_due_at', 'answered_at', 'reply', 'satisfaction', 'checked_version', 'received_at', 'updated_at', 'version',
] as const;
const VERSION: Record<string, number> = { received: 1, dispatched: 2, signed: 3, answered: 4, closed: 5, merged: 2 };

/** What the scenarios look for, noted while the rows are made. */
interface Picks {
  /** A work order of an appeal in the grid member's grid, received about 40% of the year ago. */
  workOrder: string;
  /** A repeat caller's phone. */
  phone: string;
}

/** A mainland mobile number for a caller number. */
function phoneOf(caller: number): string {
  return `13${String(caller).padStart(9, '0')}`;
}

/** The China day (UTC+8) of a time, as YYYYMMDD. */
function chinaDay(ms: number): string {
  return new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * A year of appeals in reception order (the work orders numbered per China day as the hotline does): the grid
 * uniform over the 50 grids (95% located, the others only the street), categories skewed (the first about 19%), the
 * content "市民来电反映：<road><1–300>号<estate><title>，<description>，希望尽快处理。"; 3% anonymous, one in five from a
 * repeat caller; open with a probability falling from 60% (today) to 2% (30 days old), older ones closed (2% merged);
 * the deadlines and steps as the hotline would have them, and every appeal already looked at by the supervision
 * (`checked_version = version`), so that the running scheduler has nothing to catch up on.
 */
function* appealRows(count: number, cipher: PersonalDataCipher, picks: Picks, random: () => number): Generator<CopyValue[]> {
  const now = Date.now();
  const start = now - 365 * DAY_MS;
  let day = '';
  let sequence = 0;
  for (let i = 0; i < count; i++) {
    const received = start + ((i + random()) * 365 * DAY_MS) / count;
    const receivedDay = chinaDay(received);
    if (receivedDay !== day) [day, sequence] = [receivedDay, 0];
    const workOrder = `12345-${day}-${String(++sequence).padStart(6, '0')}`;
    const g = Math.floor(random() * GRIDS.length);
    const grid = GRIDS[g];
    const located = random() < 0.95;
    const k = Math.min(Math.floor(random() ** 1.8 * CATEGORIES.length), CATEGORIES.length - 1);
    const category = CATEGORIES[k];
    const address = `${ROADS[Math.floor(g / 10)]}${1 + Math.floor(random() * 300)}号${ESTATES[g % 10]}`;
    const anonymous = random() < 0.03;
    const caller = random() < 0.2 ? Math.floor(random() * REPEAT_CALLERS) : REPEAT_CALLERS + i;
    const phone = phoneOf(caller);
    const ageDays = (now - received) / DAY_MS;
    const open = random() < (ageDays < 30 ? 0.58 * (1 - ageDays / 30) + 0.02 : 0);
    const r = random();
    const status = open ? (r < 0.2 ? 'received' : r < 0.5 ? 'dispatched' : r < 0.8 ? 'signed' : 'answered') : r < 0.98 ? 'closed' : 'merged';
    const dispatched = status !== 'received' && status !== 'merged' ? received + random() * 12 * HOUR_MS : null;
    const signed = dispatched !== null && status !== 'dispatched' ? dispatched + random() * 2 * HOUR_MS : null;
    const answered = signed !== null && status !== 'signed' ? signed + random() * 10 * DAY_MS : null;
    const byDepartment = 'departmentCode' in category.owner;
    const lead: AppealOwner | null =
      dispatched === null ? null : byDepartment ? { kind: 'department', departmentCode: DEPARTMENT.code } : { kind: 'unit', unitCode: located ? grid.code : STREET, level: located ? 'grid' : 'street' };
    const leadKey = lead === null ? null : lead.kind === 'department' ? lead.departmentCode : lead.unitCode;
    const sat = random();
    if (!picks.workOrder && located && g === 0 && i >= count * 0.6) picks.workOrder = workOrder;
    if (!picks.phone && caller < REPEAT_CALLERS && !anonymous) picks.phone = phone;
    yield [
      randomUUID(),
      workOrder,
      status,
      r < 0.8 ? 'phone' : r < 0.9 ? 'app' : 'wechat',
      k % 7 === 3 ? 'help' : k % 7 === 5 ? 'consultation' : 'complaint',
      anonymous ? null : cipher.encrypt(`${SURNAMES[caller % SURNAMES.length]}${caller % 2 === 0 ? '女士' : '先生'}`),
      anonymous ? null : cipher.encrypt(phone),
      anonymous ? null : cipher.blindIndex('phone', phone),
      anonymous,
      `市民来电反映：${address}${category.title}，${category.description}，希望尽快处理。`,
      category.code,
      ...(located ? (({ lat, lng }) => [lat, lng])(pointIn(grid, random(), random())) : [null, null]),
      located ? address : null,
      located ? grid.code : null,
      located ? grid.path : [STREET],
      'general',
      'bench-operator',
      lead === null ? null : JSON.stringify(lead),
      leadKey,
      new Date(received + 24 * HOUR_MS),
      dispatched === null ? null : new Date(dispatched),
      dispatched === null ? null : new Date(dispatched + 2 * HOUR_MS),
      signed === null ? null : new Date(signed),
      new Date(received + 13 * DAY_MS),
      answered === null ? null : new Date(answered),
      answered === null ? null : JSON.stringify({ resolution: sat < 0.8 ? 'resolved' : 'partly_resolved', text: '已联系处置，现场已恢复。' }),
      status === 'closed' ? (sat < 0.7 ? 'satisfied' : sat < 0.85 ? 'basically_satisfied' : sat < 0.95 ? 'dissatisfied' : 'not_reached') : null,
      VERSION[status],
      new Date(received),
      new Date(answered ?? signed ?? dispatched ?? received),
      VERSION[status],
    ];
  }
}

/** A seeded generator (xorshift32): the same appeals on every run, uuids and ciphertexts aside. */
function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  // A small seed's first outputs are small too.
  for (let i = 0; i < 20; i++) next();
  return next;
}

interface Search {
  name: string;
  query: Record<string, string>;
}

/**
 * The hotline's two statements for the list (ListAppealsUseCase: appealFilters, newest first, `findAndCount`) for
 * these filters: the caller's scope (their units' appeals and those they lead), a work-order number exactly or a
 * substring of content or address, the phone's keyed hash; 50 a page.
 */
function listStatements(caller: Caller, query: Record<string, string>, cipher: PersonalDataCipher): { list: Sql; count: Sql } {
  const values: unknown[] = [];
  const p = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  if (!caller.roles.includes('admin')) where.push(`(path && ${p(caller.units)}::text[] or lead_key in (${caller.units.map(p).join(', ')}))`);
  if (query.q && /^(12345|GX)-\d{8}-\d{6}$/.test(query.q)) where.push(`work_order = ${p(query.q)}`);
  else if (query.q) {
    const pattern = p(containsPattern(query.q));
    where.push(`(content like ${pattern} or address like ${pattern})`);
  }
  if (query.phone) where.push(`caller_phone_index = ${p(cipher.blindIndex('phone', query.phone))}`);
  const condition = where.length ? `where ${where.join(' and ')}` : '';
  const page = Number(query.page ?? 1);
  const table = `"${SCHEMA}"."appeal"`;
  return {
    list: { text: `select * from ${table} ${condition} order by received_at desc, id desc limit 50 offset ${(page - 1) * 50}`, values },
    count: { text: `select count(*) as count from ${table} ${condition}`, values },
  };
}

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform = await startPlatform(cleanup, {
    root: ROOT,
    adminDatabaseUrl: BENCH.DATABASE_URL,
    natsUrl: BENCH.NATS_URL,
    logLevel: BENCH.BENCH_LOG_LEVEL,
    services: ['hotline'],
    serviceEnv: { hotline: KEYS },
  });
  const { gateway } = platform;
  const settings: MeasureSettings = {
    seconds: BENCH.BENCH_SECONDS,
    warmupSeconds: BENCH.BENCH_WARMUP_SECONDS,
    pids: { gateway: gateway.child.pid, hotline: platform.services.hotline.child.pid, registry: platform.registry.child.pid },
  };
  const cipher = new PersonalDataCipher(parsePersonalDataKeys(KEYS.PERSONAL_DATA_KEYS, KEYS.PERSONAL_DATA_ACTIVE_KEY, KEYS.PERSONAL_DATA_INDEX_KEY));
  const adminToken = await signDevToken({ sub: 'bench-admin', roles: ['admin'], units: [] }, DEV_JWT);
  await createGridMap(gateway.url, adminToken);
  log(`created street ${STREET}, 5 communities, ${GRIDS.length} grids, a department and ${CATEGORIES.length} categories through the gateway`);
  // The hotline names grids and categories from its copy of the registry's reference data, kept by events.
  await drainOutbox(platform.databaseUrl, 'registry');

  interrupted.throwIfAborted();
  const picks: Picks = { workOrder: '', phone: '' };
  const load = await copyIntoTable(platform.databaseUrl, {
    schema: SCHEMA,
    table: 'appeal',
    columns: COLUMNS,
    count: APPEALS,
    rows: appealRows(APPEALS, cipher, picks, seeded(2026)),
    keep: ['appeal_supervision_idx'],
    interrupted,
  });
  const dataset = describeLoad(load, 'appeals');
  log(dataset);

  const searches: Search[] = [
    { name: 'newest first', query: {} },
    { name: `q=${picks.workOrder} (work order)`, query: { q: picks.workOrder } },
    { name: 'phone (a repeat caller)', query: { phone: picks.phone } },
    { name: 'q=垃圾 (common)', query: { q: '垃圾' } },
    { name: 'q=文化路128号 (rare)', query: { q: '文化路128号' } },
    { name: 'page 2', query: { page: '2' } },
  ];
  const cases: ListCase[] = [];
  for (const search of searches) {
    for (const { label, caller } of CALLERS) {
      const params = new URLSearchParams(search.query).toString();
      cases.push({
        scenario: search.name,
        caller: label,
        path: `/api/v1/appeals${params ? `?${params}` : ''}`,
        token: await signDevToken(caller, DEV_JWT),
        statements: listStatements(caller, search.query, cipher),
      });
    }
  }
  const floor = await startListFloor(platform.databaseUrl, cases);
  cleanup.add('floor', () => floor.close());
  const mismatches = await compareWithGateway(gateway.url, floor, cases);
  for (const mismatch of mismatches) log(`WARNING: ${mismatch}`);
  const measured = await measureLists(gateway.url, floor, cases, settings, interrupted);
  const { pairs } = measured;

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const { machine } = platform;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const runSettings = `${CONNECTIONS} connections, ${BENCH.BENCH_SECONDS} s per run after ${BENCH.BENCH_WARMUP_SECONDS} s warm-up, apps at LOG_LEVEL=${BENCH.BENCH_LOG_LEVEL}, supervision scheduler on; 1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const missed = pairs.filter((p) => !(p.gateway.stats.p99 < TARGET_P99_MS)).map((p) => `${p.scenario} [${p.caller}] ${Number.isNaN(p.gateway.stats.p99) ? 'no answer in time' : `${p.gateway.stats.p99.toFixed(0)} ms`}`);
  const verdict = `target p99 < ${TARGET_P99_MS} ms through the gateway: ${missed.length === 0 ? 'met by every search' : `missed by ${missed.length} of ${pairs.length}: ${missed.join('; ')}`}`;
  const title = `Appeal searches over ${load.rows} appeals ("1 query ms": one EXPLAIN ANALYZE of the floor's page plus its count)`;
  process.stdout.write(`\n${title}\n\n${renderText(pairsTable(pairs, { queryColumn: true }))}\n\n${renderText(pairsCpuTable(pairs, CPU_PARTS))}\n\n${renderText(oneCallerTable(measured))}\n\n${dataset}\n${verdict}\n${runSettings}\n${env}\n`);
  process.stdout.write(
    `\nMarkdown (${date} UTC):\n\n${title}\n\n${renderMarkdown(pairsTable(pairs, { queryColumn: true, markdown: true }))}\n\n${renderMarkdown(pairsCpuTable(pairs, CPU_PARTS))}\n\n${renderMarkdown(oneCallerTable(measured, true))}\n\n${dataset}.\n\n${verdict}.\n\n${runSettings}. ${env}.\n`,
  );

  const problems = [...failedRuns(pairs, MAX_FAILURE_RATE), ...mismatches];
  for (const problem of problems) log(`FAILED: ${problem}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
