import type { Caller } from '@gridline/auth';
import { NameBook } from '@gridline/registry-reference';
import { IncidentEntity } from './incident.entity';
import { codesOf, toEventData, toIncidentView } from './incident.mapper';

const GRID = '370502003001001';
const COMMUNITY = '370502003001';
const STREET = '370502003';
const caller: Caller = { sub: 'street-1', name: 'x', roles: ['street_admin'], units: [STREET] };

function incident(overrides: Partial<IncidentEntity> = {}): IncidentEntity {
  return Object.assign(new IncidentEntity(), {
    id: '00000000-0000-4000-8000-000000000001',
    workOrder: 'GX-20261201-000001',
    status: 'closed',
    categoryCode: 'ENV.SEWAGE',
    title: '污水外溢',
    description: '东门污水外溢',
    gridCode: GRID,
    path: [STREET, COMMUNITY, GRID],
    urgency: 'normal',
    source: 'patrol',
    reporter: 'staff-1',
    attachments: [{ url: 'https://files.example/before.jpg', mediaType: 'image/jpeg', sha256: 'b'.repeat(64) }],
    owner: { kind: 'department', departmentCode: 'URBAN_MGMT' },
    handling: { result: '已疏通', attachments: [{ url: 'https://files.example/after.jpg', mediaType: 'image/jpeg', sha256: 'a'.repeat(64) }], by: 'dept-1', at: '2026-12-01T03:00:00.000Z' },
    verification: { passed: true, comment: '现场已无积水', by: 'staff-2', at: '2026-12-01T05:00:00.000Z' },
    evaluation: null,
    version: 7,
    ...overrides,
  });
}

describe(toIncidentView.name, () => {
  const names = new NameBook(new Map([[GRID, '文汇一网格'], [COMMUNITY, '文汇社区']]), new Map([['ENV.SEWAGE', '污水外溢']]), new Map([['URBAN_MGMT', '城市管理办公室']]));

  it('carries the handling, the handler’s attachments apart from the reporter’s, and the verification', () => {
    const view = toIncidentView(incident(), caller, names);
    expect(view.attachments).toEqual([expect.objectContaining({ url: 'https://files.example/before.jpg' })]);
    expect(view.handling).toEqual({ result: '已疏通', resolution: 'resolved', attachments: [expect.objectContaining({ url: 'https://files.example/after.jpg' })], by: 'dept-1', at: '2026-12-01T03:00:00.000Z' });
    expect(view.verification).toEqual({ passed: true, comment: '现场已无积水', by: 'staff-2', at: '2026-12-01T05:00:00.000Z' });
    expect(view.evaluation).toBeNull();
  });

  it('carries the evaluation beside the rating', () => {
    const view = toIncidentView(incident({ status: 'evaluated', rating: 4, evaluation: { rating: 4, by: 'staff-1', at: '2026-12-01T06:00:00.000Z' } }), caller, names);
    expect(view).toMatchObject({ rating: 4, evaluation: { rating: 4, by: 'staff-1', at: '2026-12-01T06:00:00.000Z' } });
  });

  it('names the category, the grid, its community and the owner', () => {
    expect(toIncidentView(incident(), caller, names)).toMatchObject({
      categoryName: '污水外溢',
      gridName: '文汇一网格',
      community: { code: COMMUNITY, name: '文汇社区' },
      ownerName: '城市管理办公室',
    });
    const unitOwned = toIncidentView(incident({ owner: { kind: 'unit', unitCode: COMMUNITY, level: 'community' } }), caller, names);
    expect(unitOwned.ownerName).toBe('文汇社区');
  });

  it('shows null names for codes the copies do not know, and no community for an exclusive grid under the street', () => {
    const view = toIncidentView(incident({ gridCode: '370502003901', path: [STREET, '370502003901'], owner: null, handling: null, verification: null }), caller, NameBook.EMPTY);
    expect(view).toMatchObject({ categoryName: null, gridName: null, community: null, owner: null, ownerName: null, handling: null, verification: null });
  });

  it('collects every code a page of views names', () => {
    expect(codesOf([incident(), incident({ owner: { kind: 'unit', unitCode: GRID, level: 'grid' } })])).toEqual({
      units: [GRID, COMMUNITY, GRID, COMMUNITY, GRID],
      categories: ['ENV.SEWAGE', 'ENV.SEWAGE'],
      departments: ['URBAN_MGMT'],
    });
  });
});

describe(toEventData.name, () => {
  it('carries the case’s location as the case stores it (WGS 84, no address), null without one', () => {
    const located = toEventData(incident({ lat: 36.0671, lng: 120.3826, address: '文汇路 12 号' }), 'staff-1', null);
    expect(located.location).toEqual({ lat: 36.0671, lng: 120.3826 });
    expect(JSON.stringify(located)).not.toContain('文汇路');
    expect(toEventData(incident({ lat: null, lng: null }), 'staff-1', null).location).toBeNull();
  });
});
