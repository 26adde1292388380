import { APPEAL_STATUSES, type PublicAppealUpdateView, type PublicAppealView } from '@gridline/contracts-hotline';
import { appealStatusesOf, open311Status, open311UpdateStatus, toOpen311Request, toOpen311Update } from './open311-mapper';
import { OPEN311_UPDATE_STATUSES } from './open311.types';

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

describe(toOpen311Update.name, () => {
  const step: PublicAppealUpdateView = {
    updateId: '42',
    appealId: appeal.id,
    at: '2026-12-01T02:15:00.000Z',
    kind: 'step',
    action: 'dispatch',
    status: 'dispatched',
    replyText: null,
    resolution: null,
    mergedInto: null,
    text: null,
    mediaUrl: null,
  };

  it('maps a step to the extension’s fields: where the appeal stands, in China time, its own state as the external code', () => {
    expect(toOpen311Update(step)).toEqual({
      update_id: '42',
      service_request_id: appeal.id,
      status: 'action_scheduled',
      updated_datetime: '2026-12-01T10:15:00+08:00',
      description: '已派至承办单位，待签收',
      media_url: null,
      external_status_code: 'dispatched',
    });
  });

  it('says the reply of an answer, where a merged appeal went, a re-handling and a return — never a note', () => {
    expect(toOpen311Update({ ...step, action: 'answer', status: 'answered', replyText: '已清运', resolution: 'resolved' })).toMatchObject({ status: 'fixed', description: '已清运' });
    expect(toOpen311Update({ ...step, action: 'merge', status: 'merged', mergedInto: 'other-id' })).toMatchObject({ status: 'duplicate', description: expect.stringContaining('other-id') });
    expect(toOpen311Update({ ...step, action: 'callback', status: 'signed' })).toMatchObject({ status: 'in_progress', description: '回访不满意，已重新办理' });
    expect(toOpen311Update({ ...step, action: 'callback', status: 'closed' })).toMatchObject({ status: 'closed', description: '已办结' });
    expect(toOpen311Update({ ...step, action: 'return', status: 'received' })).toMatchObject({ status: 'open', description: '已退回12345热线，待重新派单' });
    expect(toOpen311Update({ ...step, action: 'intake', status: 'received' })).toMatchObject({ status: 'open', description: '12345热线已受理，待派单' });
  });

  it('answers a citizen’s comment with its words and photo', () => {
    const comment = { ...step, kind: 'comment' as const, action: 'citizen_update', status: 'closed' as const, text: '又堆起来了', mediaUrl: 'https://example.org/2.jpg' };
    expect(toOpen311Update(comment)).toMatchObject({ status: 'closed', description: '又堆起来了', media_url: 'https://example.org/2.jpg', external_status_code: 'closed' });
  });
});

describe(open311UpdateStatus.name, () => {
  it('gives every appeal state a status of the extension, an answer by its resolution', () => {
    for (const status of APPEAL_STATUSES) expect(OPEN311_UPDATE_STATUSES).toContain(open311UpdateStatus({ status, resolution: null }));
    expect(['resolved', 'partly_resolved', 'not_resolved', null].map((resolution) => open311UpdateStatus({ status: 'answered', resolution: resolution as never }))).toEqual([
      'fixed',
      'in_progress',
      'no_further_action',
      'in_progress',
    ]);
  });
});
