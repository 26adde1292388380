import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import RevealPhoneDialog from './RevealPhoneDialog.vue';

function mountDialog() {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'a-1', phone: '13805461234' }), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  const wrapper = mount(RevealPhoneDialog, { props: { api: new ApiClient(() => 't'), appealId: 'a-1', masked: '138****1234' }, global: { plugins: [ElementPlus, i18n] }, attachTo: document.body });
  return { wrapper, fetchMock };
}

const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);

describe('RevealPhoneDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the masked phone until a reveal is asked for', () => {
    const { wrapper, fetchMock } = mountDialog();
    expect(wrapper.find('[data-test="caller-phone"]').text()).toBe('138****1234');
    expect(inBody('[data-test="revealed-phone"]')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('requires a reason: without one nothing is asked and the reason field says so', async () => {
    const { wrapper, fetchMock } = mountDialog();
    await wrapper.find('[data-test="reveal-phone"]').trigger('click');
    await flushPromises();
    inBody('[data-test="reveal-form"]')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flushPromises();
    expect(fetchMock).not.toHaveBeenCalled();
    // On the reason's el-form-item (Element Plus draws it under the input, the e2e specs see it there).
    const reason = wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'reason');
    expect(reason?.props('error')).toBe('请填写查看原因（将记入审计日志）');
    expect(inBody('[data-test="revealed-phone"]')).toBeNull();
  });

  it('asks the audited reveal of the phone with the reason and shows the clear number in the dialog only', async () => {
    const { wrapper, fetchMock } = mountDialog();
    await wrapper.find('[data-test="reveal-phone"]').trigger('click');
    await flushPromises();
    const input = inBody('[data-field="reason"] input') as HTMLInputElement;
    input.value = '回访核实办理结果';
    input.dispatchEvent(new Event('input'));
    inBody('[data-test="reveal-form"]')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flushPromises();
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe(`/api/v1/appeals/a-1/reveal?fields=phone&reason=${encodeURIComponent('回访核实办理结果').replace(/%20/g, '+')}`);
    expect(inBody('[data-test="revealed-phone"]')?.textContent).toBe('13805461234');
    expect(wrapper.find('[data-test="caller-phone"]').text()).toBe('138****1234');
  });
});
