import type { Caller } from '@gridline/auth';
import type { PersonalDataCipher } from '@gridline/persistence';
import { NO_NAMES, type NameBook } from '@gridline/registry-reference';
import { AppealEntity, AppealTimelineEntity } from './appeal.entity';
import { namesOf, toAppealEventData, toAppealView, toTimelineEntry } from './appeal.mapper';

const GRID = '370502003001001';
const COMMUNITY = '370502003001';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: ['370502003'] };
const cipher = { decrypt: (v: string) => v.replace(/^enc:/, '') } as unknown as PersonalDataCipher;

const NAMES: Record<string, string> = { [GRID]: '文汇社区第1网格', [COMMUNITY]: '文汇社区', URBAN_MGMT: '城市管理办公室', 'ENV.GARBAGE': '垃圾堆放' };
const book: NameBook = {
  unit: (c) => (c && /^\d+$/.test(c) ? (NAMES[c] ?? null) : null),
  department: (c) => (c && !/^\d+$/.test(c) ? (NAMES[c] ?? null) : null),
  category: (c) => (c ? (NAMES[c] ?? null) : null),
  owner: (c) => (c ? (NAMES[c] ?? null) : null),
};

function appeal(extra: Partial<AppealEntity> = {}): AppealEntity {
  return Object.assign(new AppealEntity(), {
    id: '7d1f0b8e-2c1a-4c55-9d7e-1f2a3b4c5d6e',
    workOrder: '12345-20261201-000001',
    status: 'signed',
    channel: 'phone',
    type: 'complaint',
    callerNameEnc: 'enc:王芳',
    callerPhoneEnc: 'enc:13805461234',
    content: '小区门口垃圾堆放多日',
    categoryCode: 'ENV.GARBAGE',
    gridCode: GRID,
    path: ['370502003', COMMUNITY, GRID],
    urgency: 'general',
    operator: 'operator-1',
    lead: { kind: 'department', departmentCode: 'URBAN_MGMT' },
    leadKey: 'URBAN_MGMT',
    coOwners: [{ kind: 'unit', unitCode: COMMUNITY, level: 'community' }],
    answerDueAt: new Date('2026-12-10T09:30:00.000Z'),
    version: 3,
    ...extra,
  });
}

describe('the appeal mapper', () => {
  it('names the category, the grid and every owner beside their codes', () => {
    const view = toAppealView(appeal(), OPERATOR, cipher, book);
    expect(view).toMatchObject({
      categoryCode: 'ENV.GARBAGE',
      categoryName: '垃圾堆放',
      gridCode: GRID,
      gridName: '文汇社区第1网格',
      lead: { kind: 'department', departmentCode: 'URBAN_MGMT', name: '城市管理办公室' },
      coOwners: [{ kind: 'unit', unitCode: COMMUNITY, level: 'community', name: '文汇社区' }],
      caller: { name: '王*', phone: '138****1234' },
    });
  });

  it('shows null for a name it does not know, and no names without codes', () => {
    const view = toAppealView(appeal({ categoryCode: 'ENV.NEW', gridCode: null, lead: { kind: 'department', departmentCode: 'NEW_OFFICE' }, coOwners: [] }), OPERATOR, cipher, book);
    expect(view).toMatchObject({ categoryName: null, gridName: null, lead: { departmentCode: 'NEW_OFFICE', name: null } });
    expect(toAppealView(appeal({ lead: null, coOwners: [] }), OPERATOR, cipher, NO_NAMES)).toMatchObject({ lead: null, coOwners: [], categoryName: null, gridName: null });
  });

  it('shows the pending extension (date, reason, who asked, when) until it is decided', () => {
    const extension = { until: '2026-12-17T09:30:00.000Z', reason: '需协调施工单位', by: 'dept-1', at: '2026-12-02T02:00:00.000Z' };
    expect(toAppealView(appeal({ extension }), OPERATOR, cipher, book).pendingExtension).toEqual({ requestedUntil: extension.until, reason: extension.reason, requestedBy: 'dept-1', at: extension.at });
    expect(toAppealView(appeal({ extension: null }), OPERATOR, cipher, book).pendingExtension).toBeNull();
  });

  it('asks for the names of the grids, owners and categories of the appeals, nothing else', () => {
    const request = namesOf([appeal(), appeal({ gridCode: null, categoryCode: null, lead: { kind: 'unit', unitCode: '370502003', level: 'street' }, coOwners: [] })]);
    expect([...request.units!].filter(Boolean).sort()).toEqual([COMMUNITY, '370502003', GRID].sort());
    expect([...request.departments!].filter(Boolean)).toEqual(['URBAN_MGMT']);
    expect([...request.categories!].filter(Boolean)).toEqual(['ENV.GARBAGE']);
  });

  it('keeps names and personal data out of events; a re-classification names the category before', () => {
    const data = toAppealEventData(appeal(), 'operator-1', { categoryChange: { from: 'ENV.OLD', to: 'ENV.GARBAGE' } });
    expect(data).toMatchObject({ categoryCode: 'ENV.GARBAGE', categoryChange: { from: 'ENV.OLD', to: 'ENV.GARBAGE' }, lead: { kind: 'department', departmentCode: 'URBAN_MGMT' } });
    expect(JSON.stringify(data)).not.toMatch(/王芳|13805461234|城市管理办公室/);
    expect(toAppealEventData(appeal(), 'operator-1')).not.toHaveProperty('categoryChange');
  });

  it('carries what analytics counts the three rates by: the place, the reception, the signing against its limit, the answer and the counts', () => {
    const data = toAppealEventData(
      appeal({ receivedAt: new Date('2026-12-01T01:00:00.000Z'), dispatchedAt: new Date('2026-12-01T02:00:00.000Z'), signDueAt: new Date('2026-12-01T04:00:00.000Z'), signedAt: new Date('2026-12-01T03:00:00.000Z'), returnCount: 1, extensionCount: 2 }),
      'operator-1',
    );
    expect(data).toMatchObject({
      path: ['370502003', COMMUNITY, GRID],
      receivedAt: '2026-12-01T01:00:00.000Z',
      dispatchedAt: '2026-12-01T02:00:00.000Z',
      signDueAt: '2026-12-01T04:00:00.000Z',
      signedAt: '2026-12-01T03:00:00.000Z',
      answeredAt: null,
      returnCount: 1,
      extensionCount: 2,
    });
  });

  it('puts the details of a timeline entry in its view', () => {
    const entry = Object.assign(new AppealTimelineEntity(), {
      at: new Date('2026-12-02T03:00:00.000Z'),
      action: 'decide_extension',
      actor: 'operator-1',
      fromStatus: 'signed',
      toStatus: 'signed',
      comment: null,
      details: { decision: 'granted', answerDueAt: '2026-12-17T09:30:00.000Z' },
    });
    expect(toTimelineEntry(entry)).toEqual({ at: '2026-12-02T03:00:00.000Z', action: 'decide_extension', actor: 'operator-1', fromStatus: 'signed', toStatus: 'signed', comment: null, details: { decision: 'granted', answerDueAt: '2026-12-17T09:30:00.000Z' } });
  });
});
