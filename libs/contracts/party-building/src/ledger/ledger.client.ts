import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import type { OffsetPage } from '@gridline/platform';
import { LEDGER_REQUESTS } from './ledger.requests';
import type { DecideServiceRecordBody, LedgerTotalsQuery, ListServiceRecordsQuery, SubmitServiceRecordBody } from './ledger.dto';
import type { LedgerTotalsView, MemberLedgerView, ServiceRecordView } from './ledger.types';

/** The service ledger, typed. A null `memberId` is the caller's own record (by the token's subject). */
@Injectable()
export class LedgerClient {
  constructor(private readonly bus: BusRequester) {}

  submit(caller: Caller, memberId: string | null, record: SubmitServiceRecordBody): Promise<ServiceRecordView> {
    return this.bus.request(LEDGER_REQUESTS.submitServiceRecord, { ...record, ...(memberId ? { memberId } : {}) }, { caller });
  }

  decide(caller: Caller, id: string, decision: DecideServiceRecordBody): Promise<ServiceRecordView> {
    return this.bus.request(LEDGER_REQUESTS.decideServiceRecord, { ...decision, id }, { caller });
  }

  records(caller: Caller, query: ListServiceRecordsQuery): Promise<OffsetPage<ServiceRecordView>> {
    return this.bus.request(LEDGER_REQUESTS.listServiceRecords, query, { caller });
  }

  memberLedger(caller: Caller, memberId: string | null, year?: number): Promise<MemberLedgerView> {
    return this.bus.request(LEDGER_REQUESTS.memberLedger, { ...(memberId ? { memberId } : {}), ...(year !== undefined ? { year } : {}) }, { caller });
  }

  totals(caller: Caller, query: LedgerTotalsQuery): Promise<LedgerTotalsView> {
    return this.bus.request(LEDGER_REQUESTS.ledgerTotals, query, { caller });
  }
}
