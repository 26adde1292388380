import fc from 'fast-check';
import { NameBook } from '@gridline/registry-reference';
import { renderDetails, storedOwner, timelineCodes, toTimelineEntry, type TimelineRow } from './timeline-details';

const names = new NameBook(new Map([['370502003001001', '文汇一网格'], ['370502003001', '文汇社区']]), new Map(), new Map([['URBAN_MGMT', '城市管理办公室']]));
const row = (action: string, details: Record<string, unknown>, comment: string | null = null): TimelineRow => ({
  at: new Date('2026-12-01T02:00:00Z'),
  action,
  actor: 'u1',
  fromStatus: 'accepted',
  toStatus: 'dispatched',
  comment,
  details,
});

describe('timeline details', () => {
  describe('as written now', () => {
    it('names the owner of a dispatch and says why it went there', () => {
      expect(renderDetails(row('dispatch', { owner: { kind: 'department', code: 'URBAN_MGMT' }, why: 'chosen' }), names)).toEqual({
        owner: { kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' },
        why: 'chosen',
        categoryOwnerLevel: null,
      });
      expect(renderDetails(row('dispatch', { owner: { kind: 'unit', code: '370502003001001', level: 'grid' }, why: 'category_level', categoryOwnerLevel: 'grid' }), names)).toEqual({
        owner: { kind: 'unit', code: '370502003001001', level: 'grid', name: '文汇一网格' },
        why: 'category_level',
        categoryOwnerLevel: 'grid',
      });
    });

    it('shows a code whose name the copies do not know with a null name', () => {
      expect(renderDetails(row('dispatch', { owner: { kind: 'department', code: 'WATER' }, why: 'category_department' }), names)).toMatchObject({
        owner: { kind: 'department', code: 'WATER', name: null },
      });
    });

    it('says what was asked and decided of an extension, with the dates', () => {
      expect(renderDetails(row('request_extension', { requestedUntil: '2026-12-05T09:00:00.000Z', reason: '需协调施工单位', dueAt: '2026-12-02T09:00:00.000Z' }, '需协调施工单位'), names)).toEqual({
        requestedUntil: '2026-12-05T09:00:00.000Z',
        reason: '需协调施工单位',
        dueAt: '2026-12-02T09:00:00.000Z',
      });
      expect(renderDetails(row('decide_extension', { approved: true, requestedUntil: '2026-12-05T09:00:00.000Z', dueAt: '2026-12-05T09:00:00.000Z' }), names)).toEqual({
        approved: true,
        requestedUntil: '2026-12-05T09:00:00.000Z',
        dueAt: '2026-12-05T09:00:00.000Z',
      });
    });

    it('carries the handling result and the handler’s attachments, the verification and the rating', () => {
      const photo = { url: 'https://files.example/after.jpg', mediaType: 'image/jpeg', sha256: 'a'.repeat(64) };
      expect(renderDetails(row('handle', { result: '已清运', resolution: 'partly_resolved', attachments: [photo] }, '已清运'), names)).toEqual({ result: '已清运', resolution: 'partly_resolved', attachments: [photo], attachmentCount: 1 });
      expect(renderDetails(row('verify', { passed: false, comment: '仍有残留' }, '仍有残留'), names)).toEqual({ passed: false, comment: '仍有残留' });
      expect(renderDetails(row('closed', { passed: true, comment: null }), names)).toEqual({ passed: true, comment: null });
      expect(renderDetails(row('evaluate', { rating: 4 }), names)).toEqual({ rating: 4 });
    });

    it('keeps the reason of a return and names who returned it', () => {
      expect(renderDetails(row('return', { reason: '不属于本部门职责', owner: { kind: 'department', code: 'URBAN_MGMT' } }), names)).toEqual({
        reason: '不属于本部门职责',
        owner: { kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' },
      });
    });
  });

  describe('as older entries kept them', () => {
    it('renders a dispatch that kept only the code named, and one that kept nothing', () => {
      expect(renderDetails(row('dispatch', { ownerDepartmentCode: 'URBAN_MGMT' }), names)).toEqual({
        owner: { kind: 'department', code: 'URBAN_MGMT', name: '城市管理办公室' },
        why: 'chosen',
        categoryOwnerLevel: null,
      });
      expect(renderDetails(row('dispatch', {}), names)).toEqual({ owner: null, why: null, categoryOwnerLevel: null });
    });

    it('takes the result, the reason and the comment from the entry’s comment, and a count of attachments as a count', () => {
      expect(renderDetails(row('handle', { attachments: 1 }, '已清运'), names)).toEqual({ result: '已清运', resolution: null, attachments: null, attachmentCount: 1 });
      expect(renderDetails(row('handle', {}, '已清运'), names)).toEqual({ result: '已清运', resolution: null, attachments: null, attachmentCount: 0 });
      expect(renderDetails(row('request_extension', { until: '2026-12-05T09:00:00.000Z' }, '需协调'), names)).toEqual({ requestedUntil: '2026-12-05T09:00:00.000Z', reason: '需协调', dueAt: null });
      expect(renderDetails(row('decide_extension', { approve: false }), names)).toEqual({ approved: false, requestedUntil: null, dueAt: null });
      expect(renderDetails(row('verify', { passed: false }, '仍有残留'), names)).toEqual({ passed: false, comment: '仍有残留' });
      expect(renderDetails(row('return', {}, '不属于本部门'), names)).toEqual({ reason: '不属于本部门', owner: null });
      expect(renderDetails(row('reject', {}, '重复上报'), names)).toEqual({ reason: '重复上报' });
    });

    it('keeps the details of other entries as they were recorded', () => {
      const mark = { card: 'yellow', step: 'handle', supervisorUnitCode: '370502003', threshold: '2026-12-01T09:00:00.000Z', dueAt: null };
      expect(renderDetails(row('overdue', mark), names)).toBe(mark);
      expect(toTimelineEntry(row('appeal_callback', { satisfaction: 'dissatisfied' }), names)).toEqual({
        at: '2026-12-01T02:00:00.000Z', action: 'appeal_callback', actor: 'u1', fromStatus: 'accepted', toStatus: 'dispatched', comment: null, details: { satisfaction: 'dissatisfied' },
      });
    });

    it('never fails on whatever an entry holds', () => {
      const actions = fc.constantFrom('dispatch', 'request_extension', 'decide_extension', 'handle', 'verify', 'closed', 'evaluate', 'return', 'reject', 'cancel', 'merge', 'report', 'overdue');
      fc.assert(
        fc.property(actions, fc.dictionary(fc.constantFrom('owner', 'ownerDepartmentCode', 'ownerUnitCode', 'attachments', 'passed', 'rating', 'until', 'approve', 'why', 'comment'), fc.jsonValue()), fc.option(fc.string()), (action, details, comment) => {
          const rendered = renderDetails({ action, details, comment }, names);
          return typeof rendered === 'object' && rendered !== null;
        }),
        { seed: 9, numRuns: 500 },
      );
    });
  });

  it('collects the owner codes to name', () => {
    const rows = [row('dispatch', { ownerUnitCode: '370502003001' }), row('return', { owner: { kind: 'department', code: 'URBAN_MGMT' } }), row('handle', {})];
    expect(timelineCodes(rows)).toEqual({ units: ['370502003001'], departments: ['URBAN_MGMT'] });
    expect(storedOwner({ owner: { kind: 'unit', unitCode: '370502003001001', level: 'grid' } })).toEqual({ kind: 'unit', code: '370502003001001', level: 'grid' });
  });
});
