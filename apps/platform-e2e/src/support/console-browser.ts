import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_MAP, unitFactory } from '@gridline/testing';

const ROOT = join(__dirname, '../../../..');
/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it): never a test tool's own browser download. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Builds the console from its sources into `outDir` as `npm run build` does (`vite build --config
 * apps/console/vite.config.ts`), so the walk tests this checkout's console, never a stale `dist/apps/console`.
 * Vite runs in a process of its own: it is ESM-only, and Jest's module loader is CommonJS.
 */
export async function buildConsole(outDir: string): Promise<void> {
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', 'apps/console/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    timeout: 180_000,
    // Only what a default build sees: no tile URL of the developer's shell.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production' },
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

/**
 * One person at one browser: a context of their own (their own sessionStorage, so their own sign-in) and its page,
 * with what went wrong in the page kept — uncaught errors and what the Content Security Policy refused — for the test
 * to assert there was nothing.
 */
export class ConsoleUser {
  readonly faults: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.faults.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) this.faults.push(`refused: ${message.text()}`);
    });
  }

  static async open(browser: Browser): Promise<ConsoleUser> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Fail within a test's time with Playwright's own message (what it waited for), not Jest's timeout.
    context.setDefaultTimeout(15_000);
    return new ConsoleUser(context, await context.newPage());
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * The people a test opened browsers for: `open` one; after each test `closeAll` closes them all and answers what went
 * wrong in their pages (the spec's afterEach asserts it is nothing).
 */
export class ConsolePeople {
  private readonly open: ConsoleUser[] = [];

  async person(browser: Browser): Promise<ConsoleUser> {
    const person = await ConsoleUser.open(browser);
    this.open.push(person);
    return person;
  }

  async closeAll(): Promise<string[]> {
    const faults = this.open.flatMap((person) => person.faults.splice(0));
    for (const person of this.open.splice(0)) await person.close();
    return faults;
  }
}

/**
 * With `CONSOLE_SCREENSHOTS=<dir>` (`npm run console:screenshots` writes docs/console), saves the page as
 * `<dir>/<name>.png` where the walk reaches a screen worth showing in the README; otherwise does nothing. The walk's
 * assertions are the same either way. Chinese text needs a CJK font (`apt-get install -y fonts-noto-cjk`).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CONSOLE_SCREENSHOTS;
  if (!dir) return;
  // Fonts and ECharts' first frame drawn before the picture.
  await page.evaluate('document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))');
  await page.screenshot({ path: resolve(ROOT, dir, `${name}.png`) });
}

/** A rule axe-core found broken on a page: its id, how bad, what it asks and where (the first elements' selectors). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// The WCAG 2.0 and 2.1 rules of levels A and AA.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A and AA rules over the page as it is now. Its source is evaluated through the DevTools
 * protocol: the console's Content Security Policy lets no injected script tag run. Colour contrast is not among them:
 * the issue keeps Element Plus' default palette (its primary #409eff on white is 3.0:1, under axe's 4.5:1 for AA).
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, rules: { 'color-contrast': { enabled: false } } })
      .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  );
}

const { STREET, COMMUNITY, GRID, GRID_2, OTHER_COMMUNITY, OTHER_GRID } = TEST_MAP;

/**
 * The demo street the console's walks seed (its codes are the demo users' units): the street, 文汇社区 with two
 * grids and 新村社区 with one, each with a boundary where the map draws it.
 */
export const CONSOLE_STREET_UNITS = [
  unitFactory().street(STREET, '东城街道').at(118.49, 37.39, 0.06).build(),
  unitFactory().community(COMMUNITY, '文汇社区').at(118.495, 37.395, 0.03).build(),
  unitFactory().grid(GRID, '文汇社区第1网格').at(118.5, 37.4).build(),
  unitFactory().grid(GRID_2, '文汇社区第2网格').at(118.51, 37.4).build(),
  unitFactory().community(OTHER_COMMUNITY, '新村社区').at(118.53, 37.395, 0.015).build(),
  unitFactory().grid(OTHER_GRID, '新村社区第1网格').at(118.532, 37.4).build(),
];

/** A user of the sign-in page's list (GET /api/v1/dev/demo-users), with the token it hands out. */
export interface DemoUser {
  sub: string;
  name: string | null;
  token: string;
}

/** The demo users the gateway at `base` offers on its sign-in page. */
export async function demoUsersAt(base: string): Promise<DemoUser[]> {
  return ((await (await fetch(`${base}/api/v1/dev/demo-users`)).json()) as { items: DemoUser[] }).items;
}
