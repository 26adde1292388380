/// <reference lib="dom" />
/**
 * The console's budgets (issue 13): the first screen's JavaScript under 500 kB gzipped, its first render under 1 s on
 * this machine with the demo street, and lists of 10 000 rows virtualised.
 *
 * Against a running platform (`npm start`, which builds the console and seeds the demo street; BENCH_URL, default
 * http://127.0.0.1:3000), in Debian's Chromium (playwright-core, /usr/bin/chromium or BENCH_CHROMIUM), each reading
 * BENCH_RUNS times (default 5) in a fresh browser context — an empty cache, as a newcomer's first visit:
 *
 * - **sign-in**: `/` until the demo users are listed (the first screen of a visitor not signed in);
 * - **cases**: signed in as the street centre's demo user, `/cases` until the case list's first rows show (the first
 *   screen of the day's work), counted from the navigation;
 * - **10 000 rows**: the residents register answered with one page of 10 000 residents (the API's answer replaced in
 *   the browser, `page.route`), until the first rows show, how many rows are in the page then, and the time to
 *   scroll to the last one.
 *
 * The JavaScript is every script the page loaded until its screen showed, each gzipped here (level 9, what the
 * gateway's compression or a CDN sends), summed. The time is the page's own clock (`performance.now()`, from the
 * navigation's start) when the screen's element is first seen, polled every animation frame.
 *
 *   npm start                      # in one terminal; then, in another:
 *   npm run bench:console
 *   BENCH_URL=http://host:3000 BENCH_RUNS=10 npm run bench:console
 *
 * Prints a table (median and worst of the runs) and exits 1 when a budget is missed.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

const BASE = (process.env.BENCH_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const BUDGET = { scriptKb: 500, firstRenderMs: 1000, renderedRows: 100 };
const ROWS = 10_000;

interface Reading {
  ms: number;
  scriptKb: number;
  rows?: number;
  scrollMs?: number;
}

/** Watches the scripts a page loads, each gzipped as it arrives. */
function scripts(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    sizes.push(response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1000;
}

/** The page's clock when `selector` is first in the page, polled every frame. */
async function seenAt(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction((s) => (document.querySelector(s) ? performance.now() : null), selector, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

async function signedIn(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/sign-in/);
  await page.locator('[data-user="demo-street"] button').click();
  await page.waitForURL(`${BASE}/cases`);
  return { context, page };
}

async function signInScreen(browser: Browser): Promise<Reading> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const kb = scripts(page);
  await page.goto(`${BASE}/`);
  const ms = await seenAt(page, '[data-user] button');
  const reading = { ms, scriptKb: await kb() };
  await context.close();
  return reading;
}

async function casesScreen(browser: Browser): Promise<Reading> {
  const { context, page } = await signedIn(browser);
  // The session is kept in the tab's sessionStorage: a new page of the same context would be signed out, so the
  // same tab navigates afresh, with its HTTP cache emptied first.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const kb = scripts(page);
  await page.goto(`${BASE}/cases`);
  const ms = await seenAt(page, '[data-test="case-list"] .virtual-row');
  const reading = { ms, scriptKb: await kb() };
  await context.close();
  return reading;
}

function resident(i: number) {
  const at = '2026-12-01T00:00:00.000Z';
  return { id: `bench-${i}`, gridCode: '370502003001001', householdId: null, name: `居民${i}`, idNumber: '370502********1234', sex: i % 2 ? 'male' : 'female', birthYear: 1940 + (i % 60), phone: '138****1234', tags: i % 7 ? [] : ['elderly_alone'], createdAt: at, updatedAt: at };
}

async function tenThousandRows(browser: Browser): Promise<Reading> {
  const { context, page } = await signedIn(browser);
  const body = JSON.stringify({ items: Array.from({ length: ROWS }, (_, i) => resident(i)), page: 1, pageSize: ROWS, total: ROWS });
  await page.route(/\/api\/v1\/residents\?/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const kb = scripts(page);
  await page.goto(`${BASE}/registers`);
  const ms = await seenAt(page, '[data-test="records"] .virtual-row');
  const rows = await page.locator('[data-test="records"] .virtual-row').count();
  const total = await page.locator('[data-test="records"]').getAttribute('data-rows');
  if (total !== String(ROWS)) throw new Error(`the list holds ${total} rows, not ${ROWS}`);
  const started = await page.evaluate(() => performance.now());
  await page.locator('[data-test="records"] .virtual-row').first().hover();
  await page.mouse.wheel(0, ROWS * 60);
  const scrolled = await seenAt(page, 'a[data-record="bench-9999"]');
  const reading = { ms, scriptKb: await kb(), rows, scrollMs: scrolled - started };
  await context.close();
  return reading;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const worst = (xs: number[]) => Math.max(...xs);
const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);

async function main(): Promise<void> {
  const health = await fetch(`${BASE}/`).catch(() => null);
  if (!health?.ok) throw new Error(`no console at ${BASE}/: start the platform first (npm start), or set BENCH_URL`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const screens: [string, (b: Browser) => Promise<Reading>][] = [
    ['sign-in (/)', signInScreen],
    ['cases (/cases, signed in)', casesScreen],
    [`residents, ${ROWS} rows`, tenThousandRows],
  ];
  const missed: string[] = [];
  const lines = ['| Screen | first render ms (median / worst) | JS kB gzipped | rows in the page | scroll to the last row ms |', '| --- | ---: | ---: | ---: | ---: |'];
  try {
    for (const [name, measure] of screens) {
      await measure(browser); // warms the platform's own caches (the screen's answers), not the browser's
      const readings: Reading[] = [];
      for (let i = 0; i < RUNS; i++) readings.push(await measure(browser));
      const ms = readings.map((r) => r.ms);
      const kb = worst(readings.map((r) => r.scriptKb));
      const rows = readings[0].rows;
      const scroll = readings.filter((r) => r.scrollMs !== undefined).map((r) => r.scrollMs as number);
      lines.push(`| ${name} | ${f(median(ms))} / ${f(worst(ms))} | ${f(kb)} | ${rows ?? '—'} | ${scroll.length ? `${f(median(scroll))} / ${f(worst(scroll))}` : '—'} |`);
      if (kb > BUDGET.scriptKb) missed.push(`${name}: ${f(kb)} kB of JavaScript gzipped (budget ${BUDGET.scriptKb})`);
      if (worst(ms) > BUDGET.firstRenderMs) missed.push(`${name}: first render ${f(worst(ms))} ms at worst (budget ${BUDGET.firstRenderMs})`);
      if (rows !== undefined && rows > BUDGET.renderedRows) missed.push(`${name}: ${rows} rows in the page (budget ${BUDGET.renderedRows})`);
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`\nConsole budgets at ${BASE}, ${RUNS} runs each, fresh context (empty cache) per run\n\n${lines.join('\n')}\n\n`);
  if (missed.length) {
    process.stdout.write(`Budgets missed:\n${missed.map((m) => `  - ${m}`).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write('Every budget met.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
