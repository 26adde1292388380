import type { PublicAppealView } from '@gridline/contracts-hotline';
import { appealStatusesOf, open311Status, toOpen311Request } from './open311-mapper';

const appeal: PublicAppealView = {
  id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  status: 'answered',
  categoryCode: 'ENV.SEWAGE',
  content: '路口污水外溢',
  location: { lat: 37.405, lng: 118.505, address: '淮河路口' },
  lead: { kind: 'department', departmentCode: 'URBAN_MGMT' },
  answerDueAt: '2026-12-14T09:00:00.000Z',
  replyText: '已疏通',
  mergedInto: null,
  mediaUrl: null,
  receivedAt: '2026-11-27T02:15:00.000Z',
  updatedAt: '2026-11-28T03:00:00.000Z',
};

describe(toOpen311Request.name, () => {
  it('maps the appeal to the specification’s fields, dates in China time', () => {
    expect(toOpen311Request(appeal, '污水外溢')).toEqual({
      service_request_id: appeal.id,
      status: 'open',
      status_notes: '已疏通',
      service_name: '污水外溢',
      service_code: 'ENV.SEWAGE',
      description: '路口污水外溢',
      agency_responsible: 'URBAN_MGMT',
      service_notice: expect.any(String),
      requested_datetime: '2026-11-27T10:15:00+08:00',
      updated_datetime: '2026-11-28T11:00:00+08:00',
      expected_datetime: '2026-12-14T17:00:00+08:00',
      address: '淮河路口',
      address_id: null,
      zipcode: null,
      lat: 37.405,
      long: 118.505,
      media_url: null,
    });
  });

  it('names a unit as the agency, and says where a merged appeal went', () => {
    const merged = toOpen311Request({ ...appeal, status: 'merged', replyText: null, mergedInto: 'other-id', lead: { kind: 'unit', unitCode: '370502003001001', level: 'grid' } }, null);
    expect(merged).toMatchObject({ status: 'closed', agency_responsible: '370502003001001', status_notes: expect.stringContaining('other-id') });
  });
});

describe(open311Status.name, () => {
  it('is closed only once the appeal is closed or merged, and the two lists cover every state once', () => {
    expect(appealStatusesOf('closed').map(open311Status)).toEqual(['closed', 'closed']);
    expect(appealStatusesOf('open').map(open311Status)).toEqual(['open', 'open', 'open', 'open']);
    expect(new Set([...appealStatusesOf('open'), ...appealStatusesOf('closed')]).size).toBe(6);
  });
});
