import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import { messages } from '@/i18n/messages';
import { ACTION_FIELDS, CASE_STATUSES } from '@/features/cases/cases.api';
import { APPEAL_ACTION_FIELDS } from '@/features/hotline/hotline.api';
import StepActions from './StepActions.vue';
import StepTimeline from './StepTimeline.vue';

const global = { plugins: [ElementPlus, i18n] };

describe('the names of states and steps', () => {
  it('names every state of a case, every step of a case or an appeal and every choice of their forms in both languages', () => {
    const steps = [...Object.keys(ACTION_FIELDS), ...Object.keys(APPEAL_ACTION_FIELDS), 'report', 'intake', 'closed', 'approve', 'end'];
    for (const texts of [messages['zh-CN'], messages.en]) {
      expect(CASE_STATUSES.filter((s) => !(s in texts.status))).toEqual([]);
      expect(steps.filter((s) => !(s in texts.steps))).toEqual([]);
      const choices = [...Object.values(ACTION_FIELDS), ...Object.values(APPEAL_ACTION_FIELDS)].flat().flatMap((f) => f.options ?? []);
      expect(choices.filter((c) => !(c in texts.choices))).toEqual([]);
    }
  });

  it('offers the steps by name, each button keeping its code', () => {
    const wrapper = mount(StepActions, { props: { allowed: ['accept', 'request_extension', 'some_new_step'], modelValue: 'accept' }, global });
    const buttons = wrapper.findAll('[data-action]');
    expect(buttons.map((b) => [b.attributes('data-action'), b.text()])).toEqual([
      ['accept', '受理'],
      ['request_extension', '申请延期'],
      // A step the texts do not name yet still shows, by its code, rather than as a blank button.
      ['some_new_step', 'some_new_step'],
    ]);
  });

  it('shows the timeline by step name, actor and comment', () => {
    const wrapper = mount(StepTimeline, { props: { steps: [{ at: '2026-12-02T02:26:00Z', action: 'report', actor: 'u-1', comment: null }, { at: '2026-12-02T03:00:00Z', action: 'verify', actor: 'u-2', comment: '现场已清理' }] }, global });
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('上报 · u-1');
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('核查 · u-2 — 现场已清理');
  });
});
