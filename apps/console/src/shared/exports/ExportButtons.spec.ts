import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import ExportButtons from './ExportButtons.vue';

describe('ExportButtons', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('fetches the export with the token and hands the file to the browser as a download', async () => {
    const fetchMock = vi.fn(async () => new Response('\uFEFF指标 metric\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="analytics-figures-2026-12-02.csv"' } }));
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn((blob: Blob) => (blob.size > 0 ? 'blob:export-1' : 'blob:empty'));
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const wrapper = mount(ExportButtons, { props: { api: new ApiClient(() => 'token-1'), table: 'figures', query: { unit: '370502003', period: 'month', from: '2026-11-01' } }, global: { plugins: [ElementPlus, i18n] } });
    await wrapper.find('[data-format="csv"]').trigger('click');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/analytics/figures/export?unit=370502003&period=month&from=2026-11-01&format=csv');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer token-1');
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicked).toEqual([{ href: 'blob:export-1', download: 'analytics-figures-2026-12-02.csv' }]);
  });
});
