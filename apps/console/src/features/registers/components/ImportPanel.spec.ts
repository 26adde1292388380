import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem, ElProgress } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import ImportPanel from './ImportPanel.vue';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const CSV = 'grid_code,name,id_number\n370502003001001,张三,x\n370502003001001,李四,y\n\n370502003001001,王五,z\n370502003001001,赵六,w\n';
const report = (over: object) => ({ id: 'job', kind: 'residents', status: 'running', rowsTotal: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], startedAt: '2026-12-01T00:00:00Z', finishedAt: null, ...over });

const NOT_FOUND = { type: 'x', title: 'Not Found', status: 404, detail: 'No such import', code: 'NOT_FOUND' };

/** The upload answers when `finish` is called; the job answers `progress` (its rows read so far), or 404 if there is none. */
function mountPanel(progress: number | null = 2) {
  let finish: (response: Response) => void = () => undefined;
  const fetchMock = vi.fn((url: string, init: RequestInit) => {
    if (init.method === 'POST') return new Promise<Response>((resolve) => (finish = resolve));
    return Promise.resolve(progress === null ? json(NOT_FOUND, 404, 'application/problem+json') : json(report({ id: url.split('/').pop(), rowsTotal: progress })));
  });
  vi.stubGlobal('fetch', fetchMock);
  const wrapper = mount(ImportPanel, { props: { api: new ApiClient(() => 't'), kinds: ['residents', 'households', 'buildings'], pollMs: 200 }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body });
  return { wrapper, fetchMock, finish: (response: Response) => finish(response) };
}

const errorOf = (wrapper: ReturnType<typeof mountPanel>['wrapper'], field: string) => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === field)?.props('error');

async function pick(wrapper: ReturnType<typeof mountPanel>['wrapper'], text: string): Promise<void> {
  const input = wrapper.find('[data-test="import-file"]');
  Object.defineProperty(input.element, 'files', { value: [new File([text], 'people.csv', { type: '' })], configurable: true });
  await input.trigger('change');
}

describe('ImportPanel', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it("uploads the file as text/csv, shows the job's progress while it runs, and the row report when it is done", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { wrapper, fetchMock, finish } = mountPanel();
    await pick(wrapper, CSV);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls.find((call) => call[1].method === 'POST') as [string, RequestInit];
    const importId = new URL(url, 'http://x').searchParams.get('importId');
    expect(url).toBe(`/api/v1/imports/residents?importId=${importId}`);
    expect(importId).toMatch(/^[0-9a-f-]{36}$/);
    expect((init.headers as Record<string, string>)['content-type']).toBe('text/csv');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await (init.body as Blob).text()).toBe(CSV);

    // While the upload runs, the job is asked by the console's id: 2 of the file's 4 rows read.
    await vi.advanceTimersByTimeAsync(200);
    await flushPromises();
    expect(fetchMock.mock.calls.map((call) => call[0])).toContain(`/api/v1/imports/${importId}`);
    expect(wrapper.findComponent(ElProgress).props('percentage')).toBe(50);
    expect(wrapper.find('[data-test="import-report"]').attributes('data-status')).toBe('running');

    finish(json(report({ id: importId, status: 'completed', rowsTotal: 4, created: 3, rejected: 1, rejections: [{ row: 4, field: 'id_number', reason: 'idNumber must be a valid resident ID number' }], finishedAt: '2026-12-01T00:00:01Z' })));
    await flushPromises();
    expect(wrapper.findComponent(ElProgress).props('percentage')).toBe(100);
    expect(wrapper.find('[data-test="import-report"]').attributes('data-status')).toBe('completed');
    expect(wrapper.find('[data-test="import-counts"]').text()).toBe('共 4 行：新增 3，更新 0，未变 0，未导入 1');
    const cells = wrapper.findAll('[data-test="rejections"] .el-table__body tr td').map((td) => td.text());
    expect(cells).toEqual(['4', 'id_number', 'idNumber must be a valid resident ID number']);
    // Done: no more polling.
    const asked = fetchMock.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchMock.mock.calls.length).toBe(asked);
  });

  it("sends nothing without a file, and shows the API's refusal of the file on the file field", async () => {
    const { wrapper, fetchMock, finish } = mountPanel(null);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(errorOf(wrapper, 'file')).toBe('请选择CSV文件');

    await pick(wrapper, 'grid_code,name\n1,2\n');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    finish(json({ type: 'x', title: 'Bad Request', status: 400, detail: 'The file cannot be imported', code: 'VALIDATION_FAILED', errors: [{ field: 'file', reasons: ['missing column(s): id_number'] }] }, 400, 'application/problem+json'));
    await flushPromises();
    expect(errorOf(wrapper, 'file')).toBe('missing column(s): id_number');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    // Refused before any row was read: no job, no report.
    expect(wrapper.find('[data-test="import-report"]').exists()).toBe(false);
  });

  it('shows the rows imported before a file that stopped part way, with the reason in the form', async () => {
    const { wrapper, finish } = mountPanel(500);
    await pick(wrapper, CSV);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    finish(json({ type: 'x', title: 'Payload Too Large', status: 413, detail: 'The file cannot be imported: it has more than 500 rows.', code: 'PAYLOAD_TOO_LARGE', details: { maxRows: 500 } }, 413, 'application/problem+json'));
    await flushPromises();
    expect(wrapper.find('[data-test="form-error"]').text()).toContain('more than 500 rows');
    expect(wrapper.find('[data-test="import-stopped"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="import-counts"]').text()).toContain('共 500 行');
  });
});
