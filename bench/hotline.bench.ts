/**
 * Appeal intake (12345) through the gateway vs the floor.
 *
 * One run: a fresh database and NATS prefix; the registry, incidents, the hotline and the gateway spawned from
 * dist/ exactly as deployed; a street of 5 communities and 50 grids, a department and 20 categories created
 * through the gateway; a bare Fastify + pg baseline in this process. Then POST /api/v1/appeals as a hotline
 * operator (a caller with name and phone, a category, a point in one of the grids, so that the hotline asks the
 * registry where it is) against the baseline inserting a similar row into a copy of the appeal table, with the
 * name and phone encrypted with AES-256-GCM and the phone's keyed hash (HMAC-SHA256), as the hotline stores
 * them. Everything it created is removed at the end, also when it fails or is interrupted.
 *
 *   npm run bench:hotline
 *   BENCH_SECONDS=30 npm run bench:hotline
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_LOG_LEVEL (LOG_LEVEL of the apps, `info`),
 * DATABASE_URL (any database of the server; a gl_bench_* one is created next to it), NATS_URL.
 * Exits 1 when a measured run had more than 1% non-2xx responses or errors, or the setup failed.
 */
import { createCipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { DEV_JWT, signDevToken } from '@gridline/auth';
import { serveBaseline } from './support/baseline';
import type { Cleanup } from './support/cleanup';
import { runBench } from './support/run-bench';
import { CATEGORIES, ESTATES, GRIDS, ROADS, STREET, createGridMap, pointIn } from './support/grid-map';
import { CONNECTIONS, type LoadSpec } from './support/load';
import { drainOutbox } from './support/outbox';
import { failedRuns, measurePair, pairsCpuTable, pairsTable, type MeasureSettings, type Pair } from './support/pairs';
import { log, startPlatform } from './support/platform';
import { renderMarkdown, renderText } from './support/report';
import { benchConfig } from './support/bench.config';

/** dist/bench/ → the repository root, where the apps are started from. */
const ROOT = resolve(__dirname, '..', '..');
const { BENCH_SECONDS: SECONDS, BENCH_WARMUP_SECONDS: WARMUP_SECONDS, BENCH_LOG_LEVEL: LOG_LEVEL, DATABASE_URL: ADMIN_DATABASE_URL, NATS_URL } = benchConfig();
const MAX_FAILURE_RATE = 0.01;
const SCHEMA = 'hotline';
const CPU_PARTS = ['bench', 'gateway', 'hotline', 'registry', 'postgres', 'nats-server'];
const OPERATOR = { sub: 'bench-operator', roles: ['hotline_operator' as const], units: [STREET] };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
/** One call in ten comes from one of 200 callers who call again; the others from new numbers. */
const REPEAT_CALLERS = 200;

interface AppealBody {
  channel: string;
  type: string;
  caller: { name: string; phone: string };
  content: string;
  categoryCode: string;
  location: { lat: number; lng: number; address: string };
  urgency: string;
}

let callNumber = 0;

/** A new call: a named caller with a mobile number, a category in turn and a point in one of the 50 grids. */
function appealBody(): string {
  const n = ++callNumber;
  const repeat = n % 10 === 0;
  const caller = repeat ? n % REPEAT_CALLERS : REPEAT_CALLERS + n;
  const category = CATEGORIES[n % CATEGORIES.length];
  const g = Math.floor(Math.random() * GRIDS.length);
  const grid = GRIDS[g];
  const body: AppealBody = {
    channel: 'phone',
    type: n % 7 === 0 ? 'help' : 'complaint',
    caller: { name: `${SURNAMES[caller % SURNAMES.length]}${caller % 2 === 0 ? '女士' : '先生'}`, phone: `13${String(800_000_000 + caller).padStart(9, '0')}` },
    content: `市民来电反映：${ROADS[Math.floor(g / 10)]}${(n % 300) + 1}号${ESTATES[g % 10]}${category.title}，${category.description}，希望尽快处理。`,
    categoryCode: category.code,
    location: { ...pointIn(grid, Math.random(), Math.random()), address: `${ROADS[Math.floor(g / 10)]}${(n % 300) + 1}号${ESTATES[g % 10]}` },
    urgency: 'general',
  };
  return JSON.stringify(body);
}

interface HotlineBaseline {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

/**
 * The floor, in this process: POST /appeals inserts one row into `baseline_appeal`, a copy of the hotline's table
 * with its columns, defaults and indexes (`like … including all`). Name and phone are encrypted as the hotline
 * does (AES-256-GCM, a random 12-byte IV, the key id as associated data, `v1.<key>.<iv>.<tag>.<data>`), and the
 * phone gets its HMAC-SHA256 blind index; the answer masks them from the plain text. No validation, no auth, no
 * bus, no ORM, no locate (the street is the path), no repeat look-ups, no timeline, no outbox. Pool of 10.
 */
async function startHotlineBaseline(databaseUrl: string): Promise<HotlineBaseline> {
  const key = randomBytes(32);
  const indexKey = randomBytes(32);
  const keyId = 'bench1';
  const aad = Buffer.from(`v1.${keyId}`, 'utf8');
  const encrypt = (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    cipher.setAAD(aad);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  };
  const blindIndex = (kind: string, value: string) => createHmac('sha256', indexKey).update(`${kind}:${value}`, 'utf8').digest('hex');

  return serveBaseline(databaseUrl, async (app, pool) => {
    await pool.query(`create table if not exists baseline_appeal (like "${SCHEMA}"."appeal" including all)`);
    // work_order is not null and unique: a counter of this process numbers the floor's appeals.
    let workOrder = 0;
    app.post<{ Body: AppealBody }>('/appeals', async (request, reply) => {
      const b = request.body;
      const now = Date.now();
      const { rows } = await pool.query(
        `insert into baseline_appeal (id, status, channel, type, caller_name_enc, caller_phone_enc, caller_phone_index, content, category_code,
                                      lat, lng, address, path, urgency, operator, dispatch_due_at, received_at, work_order)
         values ($1, 'received', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning *`,
        [
          randomUUID(),
          b.channel,
          b.type,
          encrypt(b.caller.name),
          encrypt(b.caller.phone),
          blindIndex('phone', b.caller.phone),
          b.content,
          b.categoryCode,
          b.location.lat,
          b.location.lng,
          b.location.address,
          [STREET],
          b.urgency,
          OPERATOR.sub,
          new Date(now + 24 * 3_600_000),
          new Date(now),
          `12345-BASELINE-${++workOrder}`,
        ],
      );
      const { caller_name_enc: _name, caller_phone_enc: _phone, caller_phone_index: _index, ...row } = rows[0] as Record<string, unknown>;
      return reply.code(201).send({ ...row, caller: { name: `${b.caller.name.slice(0, 1)}**`, phone: `${b.caller.phone.slice(0, 3)}****${b.caller.phone.slice(-4)}` } });
    });
  });
}

function intakeLoad(url: string, path: string, headers: Record<string, string>): LoadSpec {
  return { url, method: 'POST', headers, next: () => ({ path, body: appealBody() }) };
}

/** One intake through the gateway must succeed before the runs (the hotline and the registry answer). */
async function probe(gatewayUrl: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(`${gatewayUrl}/api/v1/appeals`, { method: 'POST', headers, body: appealBody() });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`a first intake answered ${res.status}: ${text.slice(0, 500)}`);
  const view = JSON.parse(text) as { appeal: { gridCode: string | null; caller: { phone: string | null } } };
  log(`first intake: grid ${view.appeal.gridCode}, caller's phone answered as ${view.appeal.caller.phone}`);
}

/** The hotline's look-up of open appeals at the same place (intake's "related"), on the table as the run left it. */
async function samePlacePlan(pool: Pool): Promise<string> {
  const { rows: count } = await pool.query<{ n: string }>(`select count(*) as n from "${SCHEMA}"."appeal"`);
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze) select * from "${SCHEMA}"."appeal" where grid_code = $1 and category_code = $2 and status not in ('closed', 'merged')
       and id not in ($3) order by received_at desc limit 10`,
    [GRIDS[0].code, CATEGORIES[0].code, randomUUID()],
  );
  const plan = rows.map((r) => r['QUERY PLAN']);
  const scan = plan.find((line) => /Scan/.test(line))?.replace(/^[\s>-]+/, '').replace(/\s+\(cost.*$/, '') ?? '?';
  const time = plan.find((line) => line.startsWith('Execution Time')) ?? '';
  return `${count[0].n} appeals in the table; the same-place look-up of intake: ${scan}, ${time.toLowerCase()}`;
}

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform = await startPlatform(cleanup, {
    root: ROOT,
    adminDatabaseUrl: ADMIN_DATABASE_URL,
    natsUrl: NATS_URL,
    logLevel: LOG_LEVEL,
    services: ['incidents', 'hotline'],
  });
  const { gateway } = platform;
  const settings: MeasureSettings = {
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    pids: { gateway: gateway.child.pid, hotline: platform.services.hotline.child.pid, incidents: platform.services.incidents.child.pid, registry: platform.registry.child.pid },
  };
  const adminToken = await signDevToken({ sub: 'bench-admin', roles: ['admin'], units: [] }, DEV_JWT);
  const operatorToken = await signDevToken(OPERATOR, DEV_JWT);
  const json = { 'content-type': 'application/json' };
  const operator = { ...json, authorization: `Bearer ${operatorToken}` };

  await createGridMap(gateway.url, adminToken);
  log(`created street ${STREET}, 5 communities, ${GRIDS.length} grids, a department and ${CATEGORIES.length} categories through the gateway`);
  await probe(gateway.url, operator);

  const baseline = await startHotlineBaseline(platform.databaseUrl);
  cleanup.add('baseline', () => baseline.close());

  interrupted.throwIfAborted();
  const pairs: Pair[] = [
    await measurePair('POST /appeals (name, phone, category, location → locate)', '', { baseline: intakeLoad(baseline.url, '/appeals', json), gateway: intakeLoad(gateway.url, '/api/v1/appeals', operator) }, settings),
  ];
  await drainOutbox(platform.databaseUrl, SCHEMA);
  const table = await samePlacePlan(baseline.pool).catch((error: unknown) => `could not explain the same-place look-up: ${error instanceof Error ? error.message : String(error)}`);
  log(table);

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const { machine } = platform;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const runSettings = `${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, apps at LOG_LEVEL=${LOG_LEVEL}; 1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  process.stdout.write(`\n${renderText(pairsTable(pairs))}\n\n${renderText(pairsCpuTable(pairs, CPU_PARTS))}\n\n${table}\n${runSettings}\n${env}\n`);
  process.stdout.write(`\nMarkdown (${date} UTC):\n\n${renderMarkdown(pairsTable(pairs, { markdown: true }))}\n\n${renderMarkdown(pairsCpuTable(pairs, CPU_PARTS))}\n\n${table}.\n\n${runSettings}. ${env}.\n`);

  const problems = failedRuns(pairs, MAX_FAILURE_RATE);
  for (const problem of problems) log(`FAILED: ${problem}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
