import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import CheckInCode from './CheckInCode.vue';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('CheckInCode', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens check-in and shows the one-time code the API answers, with its expiry in China time', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => json({ activityId: 'a-1', code: 'K7M2Q9XP', expiresAt: '2026-12-20T01:15:00Z' }, 201));
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(CheckInCode, { props: { api: new ApiClient(() => 't'), activityId: 'a-1' }, global: { plugins: [ElementPlus, i18n] } });
    expect(wrapper.find('[data-test="check-in-code"]').exists()).toBe(false);
    await wrapper.find('[data-test="open-check-in"]').trigger('click');
    await flushPromises();
    const [url, init] = fetchMock.mock.calls[0];
    expect([url, init.method]).toEqual(['/api/v1/party/activities/a-1/check-in-code', 'POST']);
    expect(wrapper.find('[data-test="check-in-code"]').text()).toBe('K7M2Q9XP');
    expect(wrapper.find('[data-test="check-in-expires"]').text()).toContain('09:15');
  });
});
