import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import type { GatewayApp } from '@gridline/app-gateway';
import { TEST_MAP, eventually } from '@gridline/testing';
import { CONSOLE_STREET_UNITS, ConsolePeople, accessibilityViolations, buildConsole, demoUsersAt, launchChromium, screenshot, type DemoUser } from './support/console-browser';
import { residentIdNumber } from './support/party-street';
import { StreetFixture } from './support/street-fixture';

const { STREET, COMMUNITY, GRID } = TEST_MAP;
const STREET_CENTRE = 'demo-street';
const SECRETARY = 'demo-party-secretary';

/**
 * The console's editors in Chromium: the street grid centre sets the ranking weights and the 3+N rules, the party
 * secretary founds a branch, registers a member and opens a red station — each through its form, each checked against
 * what the API then answers.
 */
describe('the console’s editors in Chromium', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let consoleDir: string;
  let base: string;
  let browser: Browser;
  let demoUsers: DemoUser[];
  let committee: string;
  const people = new ConsolePeople();

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'gridline-console-editors-'));
    const [started] = await Promise.all([StreetFixture.start({ services: ['registry', 'incidents', 'analytics', 'party-building'] }), buildConsole(consoleDir)]);
    walk = started;
    gateway = await walk.startGateway({ CONSOLE_DIR: consoleDir });
    await gateway.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(gateway.app.getHttpServer().address() as AddressInfo).port}`;
    await walk.seed({
      units: CONSOLE_STREET_UNITS,
      categories: [{ code: 'ENV', name: '环境卫生' }, { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, acceptLimit: { amount: 2, unit: 'working_hours' }, handleLimit: { amount: 1, unit: 'working_days' } }],
    });
    await walk.sign({ admin: { sub: 'admin-1', roles: ['admin'] } });
    demoUsers = await demoUsersAt(base);
    // The street's working committee and the community's committee, founded by the admin: the secretary founds the grid's branch beneath.
    // (Party building learns the map from the registry's events: the first waits for it.)
    const found = async (body: object) =>
      (await walk.untilCreated(() => gateway.app.inject({ method: 'POST', url: '/api/v1/party/organisations', headers: { authorization: `Bearer ${walk.tokens.admin}` }, payload: body }))).json<{ id: string }>().id;
    const top = await found({ name: '东城街道党工委', level: 'working_committee', unitCode: STREET });
    committee = await found({ name: '文汇社区党委', level: 'party_committee', parentId: top, unitCode: COMMUNITY });
    browser = await launchChromium();
  }, 240_000);

  afterEach(async () => {
    expect(await people.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await walk?.close();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  function tokenOf(sub: string): string {
    const user = demoUsers.find((u) => u.sub === sub);
    if (!user) throw new Error(`${sub} is not a demo user`);
    return user.token;
  }

  const api = (who: string, url: string) => gateway.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokenOf(who)}` } });

  async function signIn(sub: string): Promise<Page> {
    const { page } = await people.person(browser);
    await page.goto(`${base}/`);
    await page.locator(`[data-user="${sub}"] button`).click();
    await page.waitForURL(`${base}/cases`);
    return page;
  }

  /** Clicks `submit` and answers the API's answer to the `method` request on `path` it sent. */
  async function sent(page: Page, method: string, path: string, submit: Locator): Promise<Response> {
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname === `/api/v1${path}`), submit.click()]);
    return answer;
  }

  /** Picks the option showing `text` of the select in `field` (its dropdown is in the page's body). */
  async function choose(page: Page, field: Locator, text: string): Promise<void> {
    await field.locator('.el-select').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click();
  }

  async function typeNumber(field: Locator, value: string): Promise<void> {
    const input = field.locator('input');
    await input.fill(value);
    await input.blur();
  }

  const noViolations = async (page: Page) => expect(await accessibilityViolations(page)).toEqual([]);

  it('lets the street grid centre set the ranking weights: all zero refused on the fields, set weights saved and the ranking asked again', async () => {
    // Analytics learns the street from the registry's events.
    await eventually(async () => expect((await api(STREET_CENTRE, '/analytics/ranking-weights')).statusCode).toBe(200), { timeoutMs: 20_000, intervalMs: 200 });
    const page = await signIn(STREET_CENTRE);
    await page.locator('nav a[href="/rankings"]').click();
    const editor = page.locator('[data-test="weights-editor"]');
    await editor.locator('[data-test="weights-source"]').waitFor();
    expect(await editor.locator('[data-test="weights-source"]').innerText()).toContain('默认权重');
    const parts = ['onTime', 'resolution', 'satisfaction', 'rework'] as const;
    for (const part of parts) await typeNumber(editor.locator(`[data-field="${part}"]`), '0');
    const refused = await sent(page, 'PUT', '/analytics/ranking-weights', editor.locator('[data-test="save-weights"]'));
    expect(refused.status()).toBe(400);
    for (const part of parts) await eventually(async () => expect(await editor.locator(`[data-field="${part}"] .el-form-item__error`).innerText()).toContain('zero'));
    const weights = { onTime: 2, resolution: 1, satisfaction: 1, rework: 0 };
    for (const part of parts) await typeNumber(editor.locator(`[data-field="${part}"]`), String(weights[part]));
    const [saved] = await Promise.all([
      sent(page, 'PUT', '/analytics/ranking-weights', editor.locator('[data-test="save-weights"]')),
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/analytics/rankings' && r.request().method() === 'GET'),
    ]);
    expect(saved.status()).toBe(200);
    expect(new URL(saved.url()).searchParams.get('street')).toBe(STREET);
    await eventually(async () => expect(await editor.locator('[data-test="weights-source"]').innerText()).toContain('本街道设置'));
    // The refused fields' errors are gone (their leave transition may still be running).
    await eventually(async () => expect(await editor.locator('.el-form-item__error').count()).toBe(0));
    expect((await api(STREET_CENTRE, '/analytics/ranking-weights')).json<{ source: string; weights: object }>()).toMatchObject({ source: 'street', weights });
    await noViolations(page);
    await screenshot(page, 'rankings-weights');
  });

  it('sets the ranking weights by keyboard alone: Tab to each weight, type it, Tab to save and Enter', async () => {
    const page = await signIn(STREET_CENTRE);
    await page.goto(`${base}/rankings`);
    const editor = page.locator('[data-test="weights-editor"]');
    await editor.locator('[data-test="weights-source"]').waitFor();
    /** Presses Tab until the focus is within `selector` (at most `max` presses). */
    async function tabTo(selector: string, max = 120): Promise<void> {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(`document.activeElement?.closest(${JSON.stringify(selector)}) != null`)) return;
      }
      throw new Error(`${selector} is not reached by ${max} presses of Tab`);
    }
    const weights = { onTime: 3, resolution: 1, satisfaction: 1, rework: 1 };
    for (const [part, weight] of Object.entries(weights)) {
      await tabTo(`[data-test="weights-editor"] [data-field="${part}"] input`);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(String(weight));
    }
    await tabTo('[data-test="save-weights"]');
    const [saved] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/v1/analytics/ranking-weights'), page.keyboard.press('Enter')]);
    expect(saved.status()).toBe(200);
    expect((await api(STREET_CENTRE, '/analytics/ranking-weights')).json<{ weights: object }>()).toMatchObject({ weights });
  });

  it("lets the street grid centre edit the 3+N rules: a bad factor refused on the row's field, the set saved, then the platform default again", async () => {
    const page = await signIn(STREET_CENTRE);
    await page.locator('nav a[href="/candidates"]').click();
    const editor = page.locator('[data-test="rules-editor"]');
    await editor.locator('[data-test="rules-source"]').waitFor();
    expect(await editor.locator('[data-test="rules-source"]').innerText()).toContain('沿用平台默认规则');
    const before = (await api(STREET_CENTRE, '/analytics/candidate-rules')).json<{ rules: unknown[] }>().rules.length;
    await editor.locator('[data-test="add-rule"]').click();
    const row = `rules.${before}`;
    await editor.locator(`[data-field="${row}.categoryCode"] input`).fill('ENV.GARBAGE');
    await choose(page, editor.locator(`[data-field="${row}.kind"]`), '高于基线');
    await typeNumber(editor.locator(`[data-field="${row}.factor"]`), '0.5');
    await typeNumber(editor.locator(`[data-field="${row}.baselineWindows"]`), '4');
    const refused = await sent(page, 'PUT', '/analytics/candidate-rules', editor.locator('[data-test="save-rules"]'));
    expect(refused.status()).toBe(400);
    await eventually(async () => expect(await editor.locator(`[data-field="${row}.factor"] .el-form-item__error`).innerText()).toContain('factor'));
    await typeNumber(editor.locator(`[data-field="${row}.factor"]`), '2');
    const saved = await sent(page, 'PUT', '/analytics/candidate-rules', editor.locator('[data-test="save-rules"]'));
    expect(saved.status()).toBe(200);
    await eventually(async () => expect(await editor.locator('[data-test="rules-source"]').innerText()).toContain('本街道规则'));
    const stored = (await api(STREET_CENTRE, '/analytics/candidate-rules')).json<{ source: string; rules: { categoryCode: string }[] }>();
    expect(stored.source).toBe('street');
    expect(stored.rules.find((r) => r.categoryCode === 'ENV.GARBAGE')).toMatchObject({ kind: 'rise_over_baseline', factor: 2, baselineWindows: 4 });
    await noViolations(page);
    await screenshot(page, 'candidates-rules');
    await editor.locator('[data-test="rules-to-default"]').click();
    const removed = await sent(page, 'DELETE', '/analytics/candidate-rules', page.locator('.el-popconfirm .el-button--primary:visible'));
    expect(removed.status()).toBe(204);
    await eventually(async () => expect(await editor.locator('[data-test="rules-source"]').innerText()).toContain('沿用平台默认规则'));
    expect((await api(STREET_CENTRE, '/analytics/candidate-rules')).json<{ source: string; rules: unknown[] }>()).toMatchObject({ source: 'default' });
    expect(await editor.locator('[data-rule]').count()).toBe(before);
  });

  it('lets the party secretary found a branch on a grid, register a member with it and open a red station, each in its list afterwards', async () => {
    // Party building learns the grid map from the registry's events.
    await eventually(async () => expect((await api(SECRETARY, '/party/coverage')).json<{ grids: number }>().grids).toBe(2), { timeoutMs: 20_000, intervalMs: 200 });
    const page = await signIn(SECRETARY);
    await page.locator('nav a[href="/party"]').click();

    await page.locator('[data-test="create-organisation"]').click();
    const organisation = page.locator('[data-test="organisation-form"]');
    await organisation.locator('[data-field="name"] input').fill('文汇社区第1网格党支部');
    await choose(page, organisation.locator('[data-field="unitCode"]'), GRID);
    await choose(page, organisation.locator('[data-field="parentId"]'), '文汇社区党委');
    const founded = await sent(page, 'POST', '/party/organisations', organisation.locator('button[type="submit"]'));
    expect(founded.status()).toBe(201);
    expect(founded.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const branch = ((await founded.json()) as { id: string; parentId: string; unitCode: string });
    expect(branch).toMatchObject({ parentId: committee, unitCode: GRID });
    await page.locator(`[data-test="organisation-tree"] [data-organisation="${branch.id}"]`).waitFor();

    await page.locator('a[href="/party/members"]').click();
    await page.locator('[data-test="create-member"]').click();
    const member = page.locator('[data-test="member-form"]');
    await member.locator('[data-field="name"] input').fill('张三');
    await member.locator('[data-field="idNumber"] input').fill(residentIdNumber(1));
    await member.locator('[data-field="phone"] input').fill('13805461234');
    // Typed, then applied as the picker loses the focus (Enter would send the form).
    await member.locator('[data-field="joinedOn"] input').fill('2015-07-01');
    await member.locator('[data-field="name"] input').click();
    await choose(page, member.locator('[data-field="organisationId"]'), '文汇社区第1网格党支部');
    await choose(page, member.locator('[data-field="homeGridCode"]'), GRID);
    const registered = await sent(page, 'POST', '/party/members', member.locator('button[type="submit"]'));
    expect(registered.status()).toBe(201);
    const { id: memberId } = (await registered.json()) as { id: string };
    await page.locator(`[data-test="members"] [data-member="${memberId}"]`).waitFor();
    expect(await page.locator(`[data-test="members"] [data-member="${memberId}"]`).innerText()).toBe('张*');

    await page.locator('a[href="/party/stations"]').click();
    await page.locator('[data-test="create-station"]').click();
    const station = page.locator('[data-test="station-form"]');
    await station.locator('[data-field="name"] input').fill('文汇红色驿站');
    await station.locator(`[data-test="station-map"] path.unit-${GRID}`).click();
    await station.locator('[data-test="station-map"] path.picked-point').waitFor();
    await choose(page, station.locator('[data-field="organisationId"]'), '文汇社区第1网格党支部');
    await choose(page, station.locator('[data-field="functions"]'), '协商议事');
    // A multiple select stays open; a click elsewhere closes it (Escape would close the dialog).
    await station.locator('[data-field="name"] input').click();
    await station.locator('[data-field="contact.post"] input').fill('驿站站长');
    const opened = await sent(page, 'POST', '/party/stations', station.locator('button[type="submit"]'));
    expect(opened.status()).toBe(201);
    const created = (await opened.json()) as { id: string; gridCode: string; functions: string[] };
    expect(created).toMatchObject({ gridCode: GRID, functions: ['consultation'] });
    await page.locator(`[data-test="stations"] [data-station="${created.id}"]`).waitFor();
  });
});
