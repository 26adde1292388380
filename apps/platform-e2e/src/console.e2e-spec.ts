import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import type { GatewayApp } from '@gridline/app-gateway';
import { residentIdCheckCharacter } from '@gridline/contracts-registry';
import { TEST_MAP, eventually } from '@gridline/testing';
import { CONSOLE_STREET_UNITS, ConsolePeople, accessibilityViolations, buildConsole, demoUsersAt, launchChromium, screenshot, type DemoUser, type AxeViolation } from './support/console-browser';
import { StreetFixture } from './support/street-fixture';

// The demo street's codes: the demo users of GET /api/v1/dev/demo-users work in them.
const { COMMUNITY, GRID, GRID_2, OTHER_GRID } = TEST_MAP;
const IN_GRID = { lat: 37.405, lng: 118.505, address: '文汇小区东门' };
const GRID_MEMBER = 'demo-grid-staff';
const OFFICER = 'demo-community';
const OPERATOR = 'demo-hotline';
const SECRETARY = 'demo-party-secretary';
const CALLER_PHONE = '13805461234';

/**
 * The console in Chromium, as its users work in it: built from this checkout, served by a gateway in front of the
 * registry, incidents, hotline and analytics on real PostgreSQL and NATS, signed in from the demo users' page.
 */
describe('the console in Chromium', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let consoleDir: string;
  let base: string;
  let browser: Browser;
  let demoUsers: DemoUser[];
  let overdueId: string;
  let earlierAppealId: string;
  let answeredAppealId: string;
  const people = new ConsolePeople();

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'gridline-console-e2e-'));
    // The build and the services' boot side by side; the gateway serves the console only once it is built.
    const [started] = await Promise.all([StreetFixture.start({ services: ['registry', 'incidents', 'hotline', 'analytics', 'party-building'] }), buildConsole(consoleDir)]);
    walk = started;
    gateway = await walk.startGateway({ CONSOLE_DIR: consoleDir });
    await gateway.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(gateway.app.getHttpServer().address() as AddressInfo).port}`;
    const limits = { acceptLimit: { amount: 2, unit: 'working_hours' as const }, handleLimit: { amount: 1, unit: 'working_days' as const } };
    await walk.seed({
      units: CONSOLE_STREET_UNITS,
      departments: [{ code: 'URBAN_MGMT', name: '城市管理办公室' }],
      categories: [
        { code: 'ENV', name: '环境卫生' },
        { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits },
        { code: 'ENV.SEWAGE', name: '污水外溢', parentCode: 'ENV', owner: { departmentCode: 'URBAN_MGMT' }, ...limits },
      ],
    });
    // No demo user works in a department: the lead department's handler and the auditor sign their own tokens.
    await walk.sign({ department: { sub: 'dept-1', roles: ['department'], units: ['URBAN_MGMT'] }, admin: { sub: 'admin-1', roles: ['admin'] } });
    // The tokens the sign-in page hands out, for the cases a test needs before its own steps.
    demoUsers = await demoUsersAt(base);
    // A case the grid centre recorded a week late: its accept step is long past due. The incidents service learns the
    // map and the categories from the registry's events: this first report waits for them, the console's need not.
    const late = { categoryCode: 'ENV.GARBAGE', title: '超期未受理 井盖缺失', description: '府前街井盖缺失', location: IN_GRID, source: 'other', reportedAt: new Date(Date.now() - 7 * 86_400_000).toISOString() };
    overdueId = (await walk.untilCreated(() => api(OFFICER, 'POST', '/incidents', late))).json<{ incident: { id: string } }>().incident.id;
    // An earlier call from the same caller about the same place: the intake form shows it as related while typed.
    const earlier = { channel: 'phone', type: 'complaint', caller: { name: '王女士', phone: CALLER_PHONE }, content: '东门垃圾多日未清', categoryCode: 'ENV.GARBAGE', location: IN_GRID };
    earlierAppealId = (await walk.untilCreated(() => api(OPERATOR, 'POST', '/appeals', earlier))).json<{ appeal: { id: string } }>().appeal.id;
    // An appeal its lead department answered: in the callback queue.
    const sewage = { channel: 'phone', type: 'report', caller: { name: '李先生', phone: CALLER_PHONE }, content: '路口污水外溢', categoryCode: 'ENV.SEWAGE', location: IN_GRID };
    answeredAppealId = (await walk.untilCreated(() => api(OPERATOR, 'POST', '/appeals', sewage))).json<{ appeal: { id: string } }>().appeal.id;
    for (const [who, action, body] of [[OPERATOR, 'dispatch', {}], ['department', 'sign', {}], ['department', 'answer', { resolution: 'resolved', text: '已疏通管道' }]] as const) {
      expect((await api(who, 'POST', `/appeals/${answeredAppealId}/actions/${action}`, body)).statusCode).toBe(200);
    }
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

  function demoUser(sub: string): DemoUser {
    const user = demoUsers.find((u) => u.sub === sub);
    if (!user) throw new Error(`${sub} is not a demo user`);
    return user;
  }

  /** A request through the gateway as a demo user, or as a person whose token the walk signed (`walk.tokens`). */
  const api = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    gateway.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${walk.tokens[who] ?? demoUser(who).token}` }, ...(payload ? { payload } : {}) });

  /**
   * The grid member reports a case through the console's form, its point picked on the map of their grid: from the
   * case list's button to the new case's detail (its id). What the form sent is checked against what was stored.
   */
  async function reportThroughConsole(page: Page, title: string): Promise<string> {
    await page.locator('[data-test="report-case"]').click();
    await page.waitForURL(`${base}/cases/new`);
    const form = page.locator('[data-test="report-form"]');
    await form.locator('[data-field="categoryCode"] .el-select').click();
    await page.locator('.el-select-dropdown__item', { hasText: '垃圾堆放' }).click();
    await form.locator('[data-field="title"] input').fill(title);
    await form.locator('[data-field="description"] textarea').fill(`${title}：东门外绿化带旁堆放建筑垃圾`);
    await form.locator('[data-field="location.address"] input').fill(IN_GRID.address);
    // The grid's boundary is drawn as on the Map screen; a click in it picks the point and shows it as a marker.
    await form.locator(`[data-test="report-map"] path.unit-${GRID}`).click();
    await form.locator('[data-test="report-map"] path.picked-point').waitFor();
    const picked = form.locator('[data-test="picked-point"]');
    const point = { lat: Number(await picked.getAttribute('data-lat')), lng: Number(await picked.getAttribute('data-lng')) };
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/incidents'),
      form.locator('button[type="submit"]').click(),
    ]);
    expect(answer.status()).toBe(201);
    expect(answer.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const { incident } = (await answer.json()) as { incident: { id: string } };
    await page.waitForURL(`${base}/cases/${incident.id}`);
    await page.locator('[data-test="case-detail"] h1', { hasText: title }).waitFor();
    const stored = (await api(OFFICER, 'GET', `/incidents/${incident.id}`)).json<{ gridCode: string; source: string; location: { lat: number; lng: number; address: string } }>();
    // The point inside the grid's square (118.5–118.51, 37.4–37.41): the API found the grid from it.
    expect(stored).toMatchObject({ gridCode: GRID, source: 'patrol', location: { ...point, address: IN_GRID.address } });
    expect([point.lng > 118.5 && point.lng < 118.51, point.lat > 37.4 && point.lat < 37.41]).toEqual([true, true]);
    return incident.id;
  }

  /** A case reported by the grid member through the API, as a patrol report (its id). */
  async function reported(title: string): Promise<string> {
    const body = { categoryCode: 'ENV.GARBAGE', title, description: `${title}：东门外绿化带旁堆放建筑垃圾`, location: IN_GRID, source: 'patrol' };
    // The incidents service learns the map and the categories from the registry's events: the first report waits for them.
    const res = await walk.untilCreated(() => api(GRID_MEMBER, 'POST', '/incidents', body));
    return res.json<{ incident: { id: string } }>().incident.id;
  }

  const stored = async (id: string) => ({
    status: (await api(OFFICER, 'GET', `/incidents/${id}`)).json<{ status: string }>().status,
    timeline: (await api(OFFICER, 'GET', `/incidents/${id}/timeline`)).json<{ action: string }[]>().map((step) => step.action),
  });

  /** Opens the console at `/` in a browser of the person's own and signs in as the demo user `sub` from the sign-in page. */
  async function signIn(sub: string): Promise<Page> {
    const person = await people.person(browser);
    const { page } = person;
    await page.goto(`${base}/`);
    // Not signed in: the console sends the person to the sign-in page, which lists the demo users.
    await page.waitForURL(/\/sign-in\?next=/);
    await screenshot(page, 'sign-in');
    await page.locator(`[data-user="${sub}"] button`).click();
    await page.waitForURL(`${base}/cases`);
    await eventually(async () => expect((await page.locator('[data-test="signed-in-as"]').textContent())?.trim()).toBe(demoUser(sub).name ?? sub));
    return page;
  }

  /** From the case list, opens the case whose row shows `title`. */
  async function openFromList(page: Page, title: string, id: string): Promise<void> {
    const row = page.locator('[data-test="case-list"] .virtual-row', { hasText: title });
    await row.waitFor();
    await screenshot(page, 'cases');
    await row.click();
    await page.waitForURL(`${base}/cases/${id}`);
    await page.locator('[data-test="case-detail"] h1', { hasText: title }).waitFor();
  }

  /** Picks an action the detail offers and submits its form (after `fill`), returning the API's answer. */
  async function takeAction(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => undefined): Promise<Response> {
    await page.locator(`[data-test="actions"] [data-action="${action}"]`).click();
    const form = page.locator(`form[data-action="${action}"]`);
    await fill(form);
    const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/actions/${action}`)), form.locator('button[type="submit"]').click()]);
    return answer;
  }

  /** The steps offered, by code (each button shows the step's name: 受理, 派遣…). */
  const offered = (page: Page) => page.locator('[data-test="actions"] [data-action]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-action')));
  const timelineText = (page: Page) => page.locator('[data-test="timeline"]').innerText();

  it('signs a grid member in from the demo users, who reports a case through the form with its point on the map and has no action open on it', async () => {
    const title = `东门垃圾堆放 ${Date.now()}`;
    const page = await signIn(GRID_MEMBER);
    const id = await reportThroughConsole(page, title);
    await page.locator('nav a[href="/cases"]').click();
    await openFromList(page, title, id);
    const detail = page.locator('[data-test="case-detail"]');
    await eventually(async () => expect(await detail.innerText()).toContain('待受理'));
    expect(await timelineText(page)).toContain(`上报 · ${GRID_MEMBER}`);
    // The reporter accepts nothing: the API allows them no action, so the detail offers none.
    expect(await page.locator('[data-test="actions"]').count()).toBe(0);
    expect(await detail.innerText()).toContain('当前无可办理操作');
    // A page path opened directly (a bookmark, a reload) is the console's page too, still signed in.
    await page.reload();
    await page.locator('[data-test="case-detail"] h1', { hasText: title }).waitFor();
  });

  it('walks a case from report to closed across the grid centre and the grid member, each step through its form', async () => {
    const title = `楼道堆物 ${Date.now()}`;
    const member = await signIn(GRID_MEMBER);
    const id = await reportThroughConsole(member, title);
    const officer = await signIn(OFFICER);
    await openFromList(officer, title, id);
    expect(await offered(officer)).toEqual(['accept', 'reject', 'cancel', 'merge']);

    const accepted = await takeAction(officer, 'accept', (form) => form.locator('[data-field="comment"] textarea').fill('已核实，安排清运'));
    expect(accepted.status()).toBe(200);
    await eventually(async () => expect(await timelineText(officer)).toContain(`受理 · ${OFFICER} — 已核实，安排清运`));
    await eventually(async () => expect(await offered(officer)).toContain('dispatch'));
    expect((await takeAction(officer, 'dispatch')).status()).toBe(200);
    await eventually(async () => expect(await officer.locator('[data-test="case-detail"]').innerText()).toContain('已派遣'));

    await member.reload();
    await eventually(async () => expect(await offered(member)).toContain('sign'));
    expect((await takeAction(member, 'sign')).status()).toBe(200);
    await eventually(async () => expect(await offered(member)).toContain('handle'));
    expect((await takeAction(member, 'handle', (form) => form.locator('[data-field="result"] textarea').fill('已清运完毕'))).status()).toBe(200);
    await eventually(async () => expect(await member.locator('[data-test="case-detail"]').innerText()).toContain('待核查'));

    // The officer's page shows what the grid member did once it is loaded again.
    await officer.reload();
    await eventually(async () => expect(await offered(officer)).toContain('verify'));
    const verified = await takeAction(officer, 'verify', async (form) => {
      await form.locator('[data-field="passed"] .el-switch').click();
      await form.locator('[data-field="comment"] textarea').fill('现场已清理');
    });
    expect(verified.status()).toBe(200);
    await eventually(async () => expect(await officer.locator('[data-test="case-detail"]').innerText()).toContain('已结案'));
    expect(await stored(id)).toEqual({ status: 'closed', timeline: ['report', 'accept', 'dispatch', 'sign', 'handle', 'verify', 'closed'] });
    await screenshot(officer, 'case-detail');
  });

  it('shows the field error of a refused form next to its field, and stores nothing', async () => {
    const title = `占道经营 ${Date.now()}`;
    const id = await reported(title);
    const officer = await signIn(OFFICER);
    await openFromList(officer, title, id);

    // A rejection needs its reason: submitted without one, the gateway answers 400 naming the field.
    const refused = await takeAction(officer, 'reject');
    expect(refused.status()).toBe(400);
    const problem = (await refused.json()) as { errors: { field: string; reasons: string[] }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['reason']);
    const form = officer.locator('form[data-action="reject"]');
    const fieldError = form.locator('[data-field="reason"] .el-form-item__error');
    await fieldError.waitFor();
    expect((await fieldError.textContent())?.trim()).toBe(problem.errors[0].reasons.join('; '));
    expect(await form.locator('[data-field="reason"].is-error').count()).toBe(1);
    // On the field, not in the form's general message.
    expect(await form.locator('[data-test="form-error"]').count()).toBe(0);

    expect(await stored(id)).toEqual({ status: 'reported', timeline: ['report'] });
    expect(await officer.locator('[data-test="case-detail"]').innerText()).toContain('待受理');
    expect(await offered(officer)).toEqual(['accept', 'reject', 'cancel', 'merge']);
  });

  it('shows the case past its due time on the supervision board and the case board, and counts it for its community', async () => {
    const officer = await signIn(OFFICER);
    await officer.locator('nav a[href="/supervision"]').click();
    await officer.waitForURL(`${base}/supervision`);
    const overdueLane = officer.locator('[data-test="supervision"] [data-lane="overdue"]');
    await overdueLane.locator(`[data-case="${overdueId}"]`).waitFor();
    expect(await overdueLane.locator(`[data-case="${overdueId}"] [data-badge="overdue"]`).count()).toBe(1);
    expect(await officer.locator(`[data-lane="dueSoon"] [data-case="${overdueId}"]`).count()).toBe(0);
    const community = officer.locator(`[data-test="supervision-units"] .el-table__row.unit-${COMMUNITY}`);
    await community.waitFor();
    const overdueCount = Number((await community.locator('td').nth(3).innerText()).trim());
    expect(overdueCount).toBeGreaterThanOrEqual(1);
    await screenshot(officer, 'supervision');

    // From the board to the case: a keyboard user reaches it by its link.
    await overdueLane.locator(`[data-case="${overdueId}"]`).focus();
    await officer.keyboard.press('Enter');
    await officer.waitForURL(`${base}/cases/${overdueId}`);

    // The case board of the list screen: the case in its state's column, with its badge.
    await officer.locator('nav a[href="/cases"]').click();
    await officer.locator('[data-test="case-view"] label', { hasText: '看板' }).click();
    const column = officer.locator('[data-test="case-board"] [data-status="reported"]');
    await column.locator(`[data-case="${overdueId}"] [data-badge="overdue"]`).waitFor();
    await screenshot(officer, 'case-board');
  });

  it("draws the boundaries of the officer's units on the map, a grid's overview on a click, the layers of open cases, hot spots and red stations, and finds a grid or an address", async () => {
    // Analytics folds the cases from their events: the hot spots' layer is asked once, when the map opens.
    const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const hex = `/analytics/hotspots?by=hex&resolution=9&from=${chinaDay(Date.now() - 29 * 86_400_000)}&to=${chinaDay(Date.now())}`;
    await eventually(async () => expect((await api(OFFICER, 'GET', hex)).json<{ cells: unknown[] }>().cells.length).toBeGreaterThan(0), { timeoutMs: 20_000, intervalMs: 200 });
    const officer = await signIn(OFFICER);
    await officer.locator('nav a[href="/map"]').click();
    await officer.waitForURL(`${base}/map`);
    await officer.locator(`path.unit-${GRID}`).waitFor();
    const map = officer.locator('[data-test="map"]');
    await eventually(async () => expect(await map.getAttribute('data-grids')).toBe('2'));
    for (const code of [COMMUNITY, GRID, GRID_2]) expect({ code, paths: await officer.locator(`path.unit-${code}`).count() }).toEqual({ code, paths: 1 });
    expect(await officer.locator('path.unit-grid').count()).toBe(2);
    // Scoped to the officer's community: the other community's grid is not drawn.
    expect(await officer.locator(`path.unit-${OTHER_GRID}`).count()).toBe(0);

    await officer.locator(`path.unit-${GRID_2}`).click();
    const overview = officer.locator('[data-test="overview"]');
    await overview.waitFor();
    await eventually(async () => expect(await overview.innerText()).toContain(GRID_2));
    expect(await overview.innerText()).toContain('文汇社区第2网格');

    // The layers the officer's roles may see, each in Leaflet's control: the open cases (the week-late one among
    // them, ringed or not by its card), the last 30 days' hot spots per H3 cell, the red stations.
    await eventually(async () => expect((await map.getAttribute('data-layers'))?.split(' ').sort()).toEqual(['cases', 'hotspots', 'stations']));
    const control = officer.locator('.leaflet-control-layers');
    for (const name of ['在办事件', '热点（近30天）', '红色驿站']) expect(await control.innerText()).toContain(name);
    await officer.locator(`path.case-marker.case-${overdueId}`).waitFor();
    expect(await officer.locator('path.hotspot-cell').count()).toBeGreaterThan(0);
    // Switched off in the control, the cases' markers leave the map.
    await control.locator('label', { hasText: '在办事件' }).locator('input').uncheck();
    expect(await officer.locator('path.case-marker').count()).toBe(0);
    await control.locator('label', { hasText: '在办事件' }).locator('input').check();
    await officer.locator(`path.case-marker.case-${overdueId}`).waitFor();

    // Search by a grid's code: the grid is found and its overview opens; by an address: the cases there.
    const search = officer.locator('[data-test="map-search"]');
    await search.locator('input').fill(GRID);
    await search.locator('button[type="submit"]').click();
    await officer.locator(`[data-test="map-results"] [data-unit="${GRID}"]`).click();
    await eventually(async () => expect(await overview.innerText()).toContain(GRID));
    await search.locator('input').fill('府前街');
    await search.locator('button[type="submit"]').click();
    await officer.locator(`[data-test="map-results"] [data-case="${overdueId}"]`).waitFor();
    await screenshot(officer, 'map');
  });
  it("takes an appeal through the hotline desk's form, with the caller's earlier appeal shown as typed, finds it in the list and dispatches it to the grid", async () => {
    const content = `小区东门垃圾桶满溢 ${Date.now()}`;
    const operator = await signIn(OPERATOR);
    await operator.locator('nav a[href="/hotline"]').click();
    await operator.waitForURL(`${base}/hotline`);
    await operator.locator('[data-test="take-appeal"]').click();
    await operator.waitForURL(`${base}/hotline/new`);
    const form = operator.locator('[data-test="intake-form"]');
    await form.locator('[data-field="caller.name"] input').fill('王女士');
    await form.locator('[data-field="caller.phone"] input').fill(CALLER_PHONE);
    await form.locator('[data-field="content"] textarea').fill(content);
    await form.locator('[data-field="location.address"] input').fill(IN_GRID.address);
    // The same caller's earlier appeal, looked up once typing pauses (by the phone and the address).
    await form.locator(`[data-test="related"] [data-appeal="${earlierAppealId}"]`).waitFor();
    await form.locator('[data-field="categoryCode"] .el-select').click();
    await operator.locator('.el-select-dropdown__item', { hasText: '垃圾堆放' }).click();
    await form.locator(`[data-test="intake-map"] path.unit-${GRID}`).click();
    await form.locator('[data-test="intake-map"] path.picked-point').waitFor();
    await screenshot(operator, 'hotline-intake');
    const [answer] = await Promise.all([
      operator.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/appeals'),
      form.locator('button[type="submit"]').click(),
    ]);
    expect(answer.status()).toBe(201);
    expect(answer.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const { appeal, related } = (await answer.json()) as { appeal: { id: string; workOrder: string }; related: { id: string }[] };
    expect(related.map((r) => r.id)).toContain(earlierAppealId);
    await operator.waitForURL(`${base}/hotline/appeals/${appeal.id}`);
    const detail = operator.locator('[data-test="appeal-detail"]');
    await detail.locator('h1', { hasText: appeal.workOrder }).waitFor();
    // The caller's phone as the API masks it: never in clear without the audited reveal.
    expect(await detail.innerText()).toContain(content);
    expect(await detail.innerText()).not.toContain(CALLER_PHONE);
    expect((await api(OPERATOR, 'GET', `/appeals/${appeal.id}`)).json<{ gridCode: string; categoryCode: string }>()).toMatchObject({ gridCode: GRID, categoryCode: 'ENV.GARBAGE' });

    // In the list, found by its text.
    await operator.locator('nav a[href="/hotline"]').click();
    await operator.locator('[data-test="appeal-list"] [data-field="q"] input').fill(content);
    // The unfiltered list already shows the appeal: wait for the searched list's answer, not for the row.
    const [searched] = await Promise.all([
      operator.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/v1/appeals' && new URL(r.url()).searchParams.get('q') === content),
      operator.locator('[data-test="appeal-list"] button[type="submit"]').click(),
    ]);
    expect(((await searched.json()) as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([appeal.id]);
    const row = operator.locator(`[data-test="appeals"] a[data-appeal="${appeal.id}"]`);
    await row.waitFor();
    await eventually(async () => expect(await operator.locator('[data-test="appeals"] .virtual-row').count()).toBe(1));
    await row.click();
    await operator.waitForURL(`${base}/hotline/appeals/${appeal.id}`);

    // Dispatched: the category's owner on the responsibility list is the grid of the appeal's point.
    await eventually(async () => expect(await offered(operator)).toContain('dispatch'));
    await operator.locator('[data-test="actions"] [data-action="dispatch"]').click();
    // The API's suggestion (GET /appeals/{id}/owner-suggestion): the grid by name, filled in as the lead.
    await eventually(async () => expect(await operator.locator('[data-test="suggested-owner"]').innerText()).toContain(`文汇社区第1网格（${GRID}）`));
    expect(await operator.locator('form[data-action="dispatch"] [data-field="lead.unitCode"] input').inputValue()).toBe(GRID);
    expect((await takeAction(operator, 'dispatch')).status()).toBe(200);
    await eventually(async () => expect(await detail.locator('h1').innerText()).toContain('已派单'));
    await eventually(async () => expect(await timelineText(operator)).toContain(`派遣 · ${OPERATOR}`));
    await screenshot(operator, 'appeal-detail');
  });
  it("shows the callback queue with the caller's phone masked, and reveals it only with a reason, audited", async () => {
    const operator = await signIn(OPERATOR);
    await operator.locator('nav a[href="/hotline/callbacks"]').click();
    await operator.waitForURL(`${base}/hotline/callbacks`);
    const queue = operator.locator('[data-test="callback-queue"]');
    const row = queue.locator('.virtual-row', { has: operator.locator(`a[data-appeal="${answeredAppealId}"]`) });
    await row.waitFor();
    expect(await row.locator('[data-test="masked-phone"]').innerText()).not.toContain(CALLER_PHONE);
    expect(await queue.innerText()).not.toContain(CALLER_PHONE);
    await screenshot(operator, 'callbacks');

    // Asked without a reason: nothing is revealed, the reason field says why.
    await row.locator('[data-test="reveal-phone"]').click();
    const dialog = operator.locator('[data-test="reveal-form"]');
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('[data-field="reason"] .el-form-item__error').waitFor();
    expect((await api('admin', 'GET', `/appeals/audit?appealId=${answeredAppealId}`)).json<{ total: number }>().total).toBe(0);

    // With a reason, typed and sent by keyboard: the clear number in the dialog, and the reveal in the audit log.
    await dialog.locator('[data-field="reason"] input').fill('回访核实办理结果');
    const [revealed] = await Promise.all([operator.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/appeals/${answeredAppealId}/reveal`), dialog.locator('[data-field="reason"] input').press('Enter')]);
    expect(revealed.status()).toBe(200);
    expect((await dialog.locator('[data-test="revealed-phone"]').innerText()).trim()).toBe(CALLER_PHONE);
    const audit = (await api('admin', 'GET', `/appeals/audit?appealId=${answeredAppealId}`)).json<{ items: { actor: string; fields: string[]; reason: string }[] }>();
    expect(audit.items).toEqual([expect.objectContaining({ actor: OPERATOR, fields: ['phone'], reason: '回访核实办理结果' })]);
  });

  describe('the registers', () => {
    // A resident of the centre's grid, registered through the API: the demo has none in this walk.
    const first17 = `37050219450302${String(Date.now() % 1000).padStart(3, '0')}`;
    const ID_NUMBER = first17 + residentIdCheckCharacter(first17);
    let residentId: string;

    beforeAll(async () => {
      const created = await api(OFFICER, 'POST', '/residents', { gridCode: GRID, name: '张三', idNumber: ID_NUMBER, phone: CALLER_PHONE });
      expect(created.statusCode).toBe(201);
      residentId = created.json<{ id: string }>().id;
    });

    it("lists the community's residents with the ID number masked, and shows it in clear only with a reason, audited", async () => {
      const officer = await signIn(OFFICER);
      await officer.locator('nav a[href="/registers"]').click();
      await officer.waitForURL(`${base}/registers`);
      const row = officer.locator('[data-test="records"] .virtual-row', { has: officer.locator(`a[data-record="${residentId}"]`) });
      await row.waitFor();
      expect(await row.locator('[data-test="masked-idNumber"]').innerText()).toBe(`${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(14)}`);
      expect(await officer.locator('[data-test="registers"]').innerText()).not.toContain(ID_NUMBER);
      await screenshot(officer, 'registers');

      await row.locator(`a[data-record="${residentId}"]`).click();
      await officer.waitForURL(`${base}/registers/residents/${residentId}`);
      const detail = officer.locator('[data-test="record-detail"]');
      await detail.locator('[data-test="reveal-idNumber"]').click();
      const dialog = officer.locator('[data-test="reveal-form"]');
      // Without a reason nothing is asked.
      await dialog.locator('button[type="submit"]').click();
      await dialog.locator('[data-field="reason"] .el-form-item__error').waitFor();
      const audited = async () => (await api('admin', 'GET', `/audit?subjectId=${residentId}`)).json<{ items: { actor: string; fields: string[]; reason: string }[] }>().items;
      expect(await audited()).toEqual([]);

      await dialog.locator('[data-field="reason"] input').fill('核实低保申请');
      const [revealed] = await Promise.all([officer.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/residents/${residentId}/reveal`), dialog.locator('[data-field="reason"] input').press('Enter')]);
      expect(revealed.status()).toBe(200);
      expect((await dialog.locator('[data-test="revealed-idNumber"]').innerText()).trim()).toBe(ID_NUMBER);
      await screenshot(officer, 'reveal');
      expect(await detail.locator('[data-test="masked-idNumber"]').innerText()).not.toContain(ID_NUMBER);
      expect(await audited()).toEqual([expect.objectContaining({ actor: OFFICER, fields: ['idNumber'], reason: '核实低保申请' })]);
    });
  });
  describe('the figures', () => {
    it("shows the community's figures as analytics answers them, the case recorded a week late among them, with the month before beside", async () => {
      // Analytics folds the cases from incidents' events: the late case (reported a week ago, this month or the last) counted first.
      const reportedOf = async () => {
        const figures = (await api(OFFICER, 'GET', '/analytics/figures?period=month')).json<{ current: { cases: { reported: number } }; previous: { cases: { reported: number } } }>();
        return figures.current.cases.reported + figures.previous.cases.reported;
      };
      await eventually(async () => expect(await reportedOf()).toBeGreaterThanOrEqual(1));
      const officer = await signIn(OFFICER);
      const [answer] = await Promise.all([
        officer.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/analytics/figures'),
        officer.locator('nav a[href="/figures"]').click(),
      ]);
      expect(answer.status()).toBe(200);
      const figures = (await answer.json()) as { current: { cases: { reported: number; onTime: { accept: { numerator: number; denominator: number } } } }; previous: { cases: { reported: number } } };
      const reported = officer.locator('[data-figure="cases.reported"]');
      await reported.waitFor();
      expect(await reported.locator('[data-cell="current"]').innerText()).toBe(String(figures.current.cases.reported));
      expect(await reported.locator('[data-cell="previous"]').innerText()).toBe(String(figures.previous.cases.reported));
      const accept = figures.current.cases.onTime.accept;
      expect(await officer.locator('[data-figure="cases.onTime.accept"] [data-cell="current"]').innerText()).toContain(`${accept.numerator}/${accept.denominator}`);
      // The trend drawn by ECharts on its canvas, under the console's Content Security Policy (a refusal fails the test).
      await officer.locator('[data-chart="trend"] canvas').waitFor();
      await screenshot(officer, 'figures');
    });
  });
  describe('party building', () => {
    it("shows the party secretary their community's coverage: every grid without a branch while none is founded", async () => {
      // The party-building service learns the grid map from the registry's events: the coverage counts both grids once it has.
      await eventually(async () => expect((await api(SECRETARY, 'GET', '/party/coverage')).json<{ grids: number }>().grids).toBe(2), { timeoutMs: 20_000, intervalMs: 200 });
      const secretary = await signIn(SECRETARY);
      await secretary.locator('nav a[href="/party"]').click();
      await secretary.waitForURL(`${base}/party`);
      const panel = secretary.locator('[data-test="party-organisations"]');
      await panel.locator('[data-test="coverage-share"]').waitFor();
      expect(await panel.locator('[data-test="coverage-share"]').innerText()).toContain('0%');
      for (const grid of [GRID, GRID_2]) await panel.locator(`[data-test="grids-without-branch"] [data-unit="${grid}"]`).waitFor();
      expect(await panel.locator(`[data-test="grids-without-branch"] [data-unit="${OTHER_GRID}"]`).count()).toBe(0);
      expect(await panel.locator('[data-test="coverage-communities"]').innerText()).toContain('文汇社区');
      await screenshot(secretary, 'party');
    });
  });

  describe('accessibility', () => {
    it("passes axe-core's WCAG 2.1 A and AA rules on the sign-in page, every screen the street centre's menu offers and a case's detail", async () => {
      const person = await people.person(browser);
      const { page } = person;
      await page.goto(`${base}/`);
      await page.locator('[data-user] button').first().waitFor();
      const found: Record<string, AxeViolation[]> = { '/sign-in': await accessibilityViolations(page) };
      await page.locator(`[data-user="demo-street"] button`).click();
      await page.waitForURL(`${base}/cases`);
      const screens = await page.locator('nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(screens).toEqual(expect.arrayContaining(['/cases', '/supervision', '/hotline', '/registers', '/party', '/map', '/figures', '/rankings', '/wall', '/candidates']));
      for (const screen of [...screens, `/cases/${overdueId}`, '/cases/new', '/hotline/new']) {
        // The session lives in the tab: a new load of the console keeps it.
        await page.goto(`${base}${screen}`);
        await page.waitForLoadState('networkidle');
        found[screen] = await accessibilityViolations(page);
        // The wall screen (大屏) as the grid centre puts it up: the street's figures, the map and the rankings.
        if (screen === '/wall') await screenshot(page, 'wall');
      }
      expect(Object.entries(found).filter(([, violations]) => violations.length > 0)).toEqual([]);
    });

    it('reaches the menu, a case and its steps by keyboard alone', async () => {
      const officer = await signIn(OFFICER);
      /** Presses Tab until the focus is on (or within) `selector`, at most `max` times, then Enter. */
      async function tabTo(selector: string, max = 80): Promise<void> {
        for (let i = 0; i < max; i++) {
          await officer.keyboard.press('Tab');
          if (await officer.evaluate(`document.activeElement?.closest(${JSON.stringify(selector)}) != null`)) return officer.keyboard.press('Enter');
        }
        throw new Error(`${selector} is not reached by ${max} presses of Tab`);
      }
      await tabTo('nav a[href="/supervision"]');
      await officer.waitForURL(`${base}/supervision`);
      await tabTo('nav a[href="/cases"]');
      await officer.waitForURL(`${base}/cases`);
      await officer.locator('[data-test="case-list"] .virtual-row').first().waitFor();
      await tabTo(`[data-test="case-list"] a[href="/cases/${overdueId}"]`);
      await officer.waitForURL(`${base}/cases/${overdueId}`);
      await officer.locator('[data-test="case-detail"] [data-action]').first().waitFor();
      await tabTo('[data-test="case-detail"] [data-action]');
      expect(await officer.evaluate(`document.activeElement?.closest('[data-action]') != null`)).toBe(true);
    });
  });
});
