import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18n } from '@/i18n';
import type { RankingPartView, RankingRowView } from '../rankings.api';
import RankingTable from './RankingTable.vue';

const part = (numerator: number, denominator: number, weight: number | null, contribution: number | null): RankingPartView => ({ numerator, denominator, rate: denominator ? numerator / denominator : null, weight, contribution });

describe('RankingTable', () => {
  it("shows each row's score with its parts: the rate with numerator/denominator, the weight and the contribution", () => {
    const row: RankingRowView = {
      code: '370502003001', name: '文汇社区', level: 'community', status: 'ranked', score: 71.5, rank: 1, previousRank: 3, movement: 2, volume: 12,
      parts: { onTime: part(9, 10, 0.3, 27), resolution: part(6, 10, 0.3, 18), satisfaction: part(3, 4, 0.2, 15), rework: part(23, 40, 0.2, 11.5) },
    };
    const wrapper = mount(RankingTable, { props: { rows: [row] }, global: { plugins: [i18n] } });
    const tr = wrapper.find('[data-row="370502003001"]');
    expect(tr.find('[data-cell="score"]').text()).toBe('71.5');
    expect(tr.text()).toContain('↑2');
    expect(tr.find('[data-part="onTime"]').text()).toBe('90.0% 9/10 ×0.3 = 27');
    expect(tr.find('[data-part="rework"]').text()).toBe('57.5% 23/40 ×0.2 = 11.5');
  });
});
