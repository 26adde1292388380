import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { i18n } from '@/i18n';
import VirtualTable from './VirtualTable.vue';
import type { TableColumn } from './table-columns';

interface Row { id: string; name: string; n: number }
const ROWS: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `r-${i}`, name: `行${i}`, n: i }));
const COLUMNS: TableColumn<Row>[] = [
  { key: 'name', title: '名称', width: 200, slot: true },
  { key: 'n', title: '序号', width: 100, text: (row) => `#${row.n}` },
  { key: 'id', title: 'ID', width: 100, grow: true },
];

function mountTable(rows: readonly Row[]) {
  const Host = defineComponent({
    emits: ['pick'],
    setup(_, { emit }) {
      return () => h(VirtualTable<Row>, { rows, columns: COLUMNS, test: 'rows', onPick: (row: Row) => emit('pick', row) }, { cell: ({ row }: { row: Row }) => h('a', { 'data-row': row.id }, row.name) });
    },
  });
  return mount(Host, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body });
}

describe('VirtualTable', () => {
  it('puts only the rows in view into the page, of 10 000 loaded, each cell by its text, key or the cell slot', () => {
    const wrapper = mountTable(ROWS);
    const rendered = wrapper.findAll('.virtual-row');
    expect(wrapper.find('[data-test="rows"]').attributes('data-rows')).toBe('10000');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    const first = rendered[0];
    expect(first.find('a[data-row="r-0"]').text()).toBe('行0');
    expect(first.text()).toContain('#0');
    expect(first.text()).toContain('r-0');
    expect(wrapper.find('a[data-row="r-9999"]').exists()).toBe(false);
    expect(wrapper.findAll('[role="columnheader"]').map((c) => c.text())).toEqual(['名称', '序号', 'ID']);
    wrapper.unmount();
  });

  it('picks the row clicked, and says so when there is none', async () => {
    const wrapper = mountTable(ROWS.slice(0, 3));
    await wrapper.findAll('.virtual-row')[1].trigger('click');
    expect(wrapper.emitted('pick')?.[0]).toEqual([ROWS[1]]);
    wrapper.unmount();
    const empty = mountTable([]);
    expect(empty.findAll('.virtual-row')).toHaveLength(0);
    expect(empty.text()).toContain('暂无数据');
    empty.unmount();
  });
});
