import type { CategoryDetail } from '@gridline/contracts-registry';
import { readAttributes, withAttributes } from './open311-attributes';

const details: CategoryDetail[] = [
  { code: 'FLOOR', description: '漏水的楼层', datatype: 'number', required: true, values: [] },
  { code: 'KIND', description: '管道类别', datatype: 'singlevaluelist', required: false, values: [{ key: 'water', name: '自来水' }, { key: 'heat', name: '暖气' }] },
  { code: 'ROOMS', description: '受影响的房间', datatype: 'multivaluelist', required: false, values: [{ key: 'kitchen', name: '厨房' }, { key: 'bath', name: '卫生间' }] },
  { code: 'SINCE', description: '开始时间', datatype: 'datetime', required: false, values: [] },
];

describe(readAttributes.name, () => {
  it('reads each attribute by its datatype, a list by its names, and ignores attributes the service does not define', () => {
    const { answered, faults } = readAttributes(
      { 'attribute[FLOOR]': '3', 'attribute[KIND]': 'heat', 'attribute[ROOMS][]': ['kitchen', 'bath'], 'attribute[SINCE]': '2026-11-27T10:15:00+08:00', 'attribute[OTHER]': 'x' },
      details,
    );
    expect(faults).toEqual([]);
    expect(answered.map((a) => [a.detail.code, a.text])).toEqual([
      ['FLOOR', '3'],
      ['KIND', '暖气'],
      ['ROOMS', '厨房、卫生间'],
      ['SINCE', '2026-11-27T10:15:00+08:00'],
    ]);
    expect(withAttributes('楼道漏水', answered.slice(0, 2))).toBe('楼道漏水\n【漏水的楼层】3\n【管道类别】暖气');
  });

  it('names each fault: a required attribute missing, a bad number, an unknown key, a date without its zone, a single value twice', () => {
    const { faults } = readAttributes({ 'attribute[KIND]': ['water', 'heat'], 'attribute[ROOMS]': 'garage', 'attribute[SINCE]': '27/11/2026' }, details);
    expect(faults).toEqual([
      'attribute[FLOOR]: 漏水的楼层 is required for this service',
      'attribute[KIND]: was given more than once',
      'attribute[ROOMS]: must be one of kitchen, bath, not garage',
      expect.stringMatching(/^attribute\[SINCE\]: must be a W3C date-time/),
    ]);
    expect(readAttributes({ 'attribute[FLOOR]': 'third' }, details).faults).toEqual(['attribute[FLOOR]: must be a number']);
  });
});
