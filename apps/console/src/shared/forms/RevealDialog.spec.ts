import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import { revealPhone } from '@/features/hotline/hotline.api';
import RevealDialog from './RevealDialog.vue';

// The hotline's use of it: the caller's phone of an appeal, through GET /appeals/{id}/reveal.
function mountDialog() {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'a-1', phone: '13805461234' }), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  const api = new ApiClient(() => 't');
  const wrapper = mount(RevealDialog, {
    props: { name: 'phone', masked: '138****1234', title: '查看来电号码', button: '查看号码', reveal: (reason: string) => revealPhone(api, 'a-1', reason) },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  });
  return { wrapper, fetchMock };
}

const inBody = (selector: string) => document.body.querySelector<HTMLElement>(selector);
const submit = () => inBody('[data-test="reveal-form"]')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

async function typeReason(text: string): Promise<void> {
  const input = inBody('[data-field="reason"] input') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('RevealDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows the masked value until a reveal is asked for', () => {
    const { wrapper, fetchMock } = mountDialog();
    expect(wrapper.find('[data-test="masked-phone"]').text()).toBe('138****1234');
    expect(inBody('[data-test="revealed-phone"]')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('requires a reason of the length the API takes: without one, or a too short one, nothing is asked and the reason field says so', async () => {
    const { wrapper, fetchMock } = mountDialog();
    await wrapper.find('[data-test="reveal-phone"]').trigger('click');
    await flushPromises();
    submit();
    await flushPromises();
    // On the reason's el-form-item (Element Plus draws it under the input, the e2e specs see it there).
    const reason = () => wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'reason');
    expect(reason()?.props('error')).toBe('请填写查看原因（将记入审计日志）');
    await typeReason(' 回访 ');
    submit();
    await flushPromises();
    expect(reason()?.props('error')).toBe('查看原因至少4个字');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(inBody('[data-test="revealed-phone"]')).toBeNull();
  });

  it('asks the audited reveal with the reason and shows the clear value in the dialog only', async () => {
    const { wrapper, fetchMock } = mountDialog();
    await wrapper.find('[data-test="reveal-phone"]').trigger('click');
    await flushPromises();
    await typeReason('回访核实办理结果');
    submit();
    await flushPromises();
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe(`/api/v1/appeals/a-1/reveal?fields=phone&reason=${encodeURIComponent('回访核实办理结果').replace(/%20/g, '+')}`);
    expect(inBody('[data-test="revealed-phone"]')?.textContent).toBe('13805461234');
    expect(wrapper.find('[data-test="masked-phone"]').text()).toBe('138****1234');
  });
});
