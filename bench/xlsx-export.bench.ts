/**
 * The XLSX export writer's memory: 10 000 rows against 100 000 rows.
 *
 * Each size runs in a child process of its own (so that its peak RSS, VmHWM, is its own): rows shaped like a case
 * export's (30 columns, Chinese text) come page by page (200 a page, as the gateway reads them from incidents) into
 * the gateway's writer (`exportTable('xlsx', …)`), whose file goes to a client that takes one chunk per turn of the
 * event loop. With flat memory the 100 000-row file peaks at about the 10 000-row one; the ratio is printed. No
 * database, NATS or HTTP: the writer alone (the rest of an export is measured by bench:incidents' setup).
 *
 *   npm run bench:xlsx
 *   BENCH_ROWS=300000 npm run bench:xlsx      # the larger size (the smaller is a tenth)
 *
 * Exits 1 when the larger file peaks more than BENCH_MAX_PEAK_RATIO (1.5) times the smaller.
 */
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { mib, sampleMemory } from './support/memory';

const PAGE = 200;
const COLUMNS = 30;

/**
 * The gateway's writer as built in dist/ (apps/gateway/src/http/exports/table-export.ts): a tool may not import an
 * app, so the bench loads the built module and names the part of it it uses.
 */
interface ExportWriter {
  exportTable(format: 'xlsx', list: string, rows: AsyncIterable<string[]>, columns: { header: string; value: (row: string[]) => string }[]): { stream: Readable };
  cursorRows(next: (cursor: string | undefined) => Promise<{ items: string[][]; nextCursor: string | null }>, max?: number): AsyncGenerator<string[]>;
}
const WRITER = join(__dirname, '..', 'apps', 'gateway', 'src', 'http', 'exports', 'table-export.js');

interface Result {
  rows: number;
  bytes: number;
  peak: number;
  seconds: number;
}

/** One row of a case export: a work order, codes, names and a description, different on every row. */
function row(n: number): string[] {
  const cells = [`GX-20261201-${String(n).padStart(6, '0')}`, '处理中', `ENV.${n % 20}`, '垃圾堆放', `第${n}号楼下垃圾堆积，居民反映已三天无人清运，影响出行`];
  while (cells.length < COLUMNS) cells.push(`${cells.length}-${(n * 7919) % 100_003}-文汇街道东城社区第${n % 50}网格`);
  return cells;
}

async function child(rows: number): Promise<Result> {
  const { exportTable, cursorRows } = (await import(WRITER)) as ExportWriter;
  const columns = Array.from({ length: COLUMNS }, (_, i) => ({ header: `c${i}`, value: (r: string[]) => r[i] }));
  const page = async (cursor: string | undefined) => {
    const from = Number(cursor ?? 0);
    const items = Array.from({ length: Math.min(PAGE, rows - from) }, (_, i) => row(from + i));
    return { items, nextCursor: from + PAGE < rows ? String(from + PAGE) : null };
  };
  let bytes = 0;
  const client = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      setImmediate(done);
    },
  });
  const started = process.hrtime.bigint();
  await pipeline(exportTable('xlsx', 'incidents', cursorRows(page, rows), columns).stream, client);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rows, bytes, peak: sampleMemory(process.pid).peak, seconds };
}

function run(rows: number): Result {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', String(rows)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Result;
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--child');
  if (childAt >= 0) {
    process.stdout.write(`${JSON.stringify(await child(Number(process.argv[childAt + 1])))}\n`);
    return;
  }
  const large = Number(process.env['BENCH_ROWS'] ?? 100_000);
  const maxRatio = Number(process.env['BENCH_MAX_PEAK_RATIO'] ?? 1.5);
  const results = [run(Math.round(large / 10)), run(large)];
  console.log('rows      file MiB  peak RSS MiB  seconds');
  for (const r of results) console.log(`${String(r.rows).padEnd(9)} ${mib(r.bytes).padStart(8)}  ${mib(r.peak).padStart(12)}  ${r.seconds.toFixed(1).padStart(7)}`);
  const ratio = results[1].peak / results[0].peak;
  console.log(`peak RSS ratio ${results[1].rows} / ${results[0].rows} rows: ${ratio.toFixed(2)} (at most ${maxRatio})`);
  if (!(ratio <= maxRatio)) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
