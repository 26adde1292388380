import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import type { ConsoleConfig } from '@/shared/api/types';
import SignInView from './SignInView.vue';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const DEMO_USER = { sub: 'demo-grid-staff', name: '李网格', title: '网格员', roles: ['grid_staff'], units: ['370502003001001'], token: 't' };

async function signInPage(config: ConsoleConfig) {
  const fetchMock = vi.fn(async (url: string) => (url === '/api/v1/console-config' ? json(config) : json({ items: [DEMO_USER] })));
  vi.stubGlobal('fetch', fetchMock);
  // consoleConfig() is asked once per page load: a module of its own per test.
  vi.resetModules();
  const { default: View } = (await import('./SignInView.vue')) as { default: typeof SignInView };
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(View, { global: { plugins: [ElementPlus, i18n, pinia, router] } });
  await flushPromises();
  return { wrapper, asked: () => fetchMock.mock.calls.map((call) => call[0] as string) };
}

describe('SignInView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("offers the organisation's provider, and no demo users, in production", async () => {
    const { wrapper, asked } = await signInPage({ oidc: { issuer: 'https://id.example.gov.cn', clientId: 'gridline-console', scope: 'openid', name: '东城街道统一身份认证' }, demo: false });
    expect(wrapper.find('[data-test="sign-in-oidc"]').text()).toBe('使用东城街道统一身份认证登录');
    expect(wrapper.findAll('[data-user]')).toHaveLength(0);
    expect(asked()).toEqual(['/api/v1/console-config']);
  });

  it('names the provider generically without a display name', async () => {
    const { wrapper } = await signInPage({ oidc: { issuer: 'https://id.example.gov.cn', clientId: 'gridline-console', scope: 'openid', name: null }, demo: false });
    expect(wrapper.find('[data-test="sign-in-oidc"]').text()).toBe('使用单位统一身份认证登录');
  });

  it('lists the demo users, and no provider button, in development', async () => {
    const { wrapper, asked } = await signInPage({ oidc: null, demo: true });
    expect(wrapper.find('[data-test="sign-in-oidc"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-user]').map((card) => card.attributes('data-user'))).toEqual(['demo-grid-staff']);
    expect(asked()).toEqual(['/api/v1/console-config', '/api/v1/dev/demo-users']);
  });
});
