import { defineRequest } from '@gridline/messaging/contracts';
import type { OffsetPage } from '@gridline/platform';
import type { DecideServiceRecordRequest, LedgerTotalsQuery, ListServiceRecordsQuery, MemberLedgerRequest, SubmitServiceRecordRequest } from './ledger.dto';
import type { LedgerTotalsView, MemberLedgerView, ServiceRecordView } from './ledger.types';

/** The service ledger's commands and queries (spread into PARTY_BUILDING_REQUESTS). */
export const LEDGER_REQUESTS = {
  submitServiceRecord: defineRequest<SubmitServiceRecordRequest, ServiceRecordView>('party-building', 'party-building.service-record.submit'),
  decideServiceRecord: defineRequest<DecideServiceRecordRequest, ServiceRecordView>('party-building', 'party-building.service-record.decide'),
  listServiceRecords: defineRequest<ListServiceRecordsQuery, OffsetPage<ServiceRecordView>>('party-building', 'party-building.service-record.list'),
  memberLedger: defineRequest<MemberLedgerRequest, MemberLedgerView>('party-building', 'party-building.ledger.member'),
  ledgerTotals: defineRequest<LedgerTotalsQuery, LedgerTotalsView>('party-building', 'party-building.ledger.totals'),
} as const;
