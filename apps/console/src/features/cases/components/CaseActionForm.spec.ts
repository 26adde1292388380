import { describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus, { ElFormItem } from 'element-plus';
import { i18n } from '@/i18n';
import { ApiClient } from '@/shared/api/client';
import type { CaseView } from '@/shared/api/types';
import CaseActionForm from './CaseActionForm.vue';

const CASE = { id: 'c1', version: 3, allowedActions: ['reject'], supervision: { card: 'none' } } as unknown as CaseView;

describe('CaseActionForm', () => {
  it('shows the field error of a problem+json answer on its field and sends the case version', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ type: 'x', title: 'Bad Request', status: 400, detail: 'reason is required to reject a case', code: 'INCIDENT_INVALID', errors: [{ field: 'reason', reasons: ['is required to reject a case'] }] }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(CaseActionForm, { props: { api: new ApiClient(() => 't'), case: CASE, action: 'reject' }, global: { plugins: [ElementPlus, i18n] } });
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await nextTick();
    // The error lands on the reason field's el-form-item (Element Plus draws it under the input; the e2e spec sees it there).
    const item = wrapper.findAllComponents(ElFormItem).find((c) => c.attributes('data-field') === 'reason');
    expect(item?.props('error')).toBe('is required to reject a case');
    expect(JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ version: 3 });
    expect(wrapper.emitted('done')).toBeUndefined();
    vi.unstubAllGlobals();
  });

  it('emits the updated case when the step is taken', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ...CASE, status: 'rejected', version: 4 }), { status: 200, headers: { 'content-type': 'application/json' } })));
    const wrapper = mount(CaseActionForm, { props: { api: new ApiClient(() => 't'), case: CASE, action: 'reject' }, global: { plugins: [ElementPlus, i18n] } });
    await wrapper.find('textarea').setValue('duplicate of another case');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.emitted('done')?.[0]).toEqual([expect.objectContaining({ status: 'rejected' })]);
    vi.unstubAllGlobals();
  });
  it('starts an evaluation at the top rating and sends it unless the evaluator changes it', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ...CASE, status: 'evaluated', version: 4 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const wrapper = mount(CaseActionForm, { props: { api: new ApiClient(() => 't'), case: CASE, action: 'evaluate' }, global: { plugins: [ElementPlus, i18n] } });
    expect((wrapper.find('[data-field="rating"] input').element as HTMLInputElement).value).toBe('5');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ version: 3, rating: 5 });
    vi.unstubAllGlobals();
  });
});
