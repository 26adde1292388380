import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { DecideServiceRecordRequest, LedgerTotalsQuery, ListServiceRecordsQuery as ListServiceRecordsRequest, MemberLedgerRequest, PARTY_BUILDING_REQUESTS, SubmitServiceRecordRequest } from '@gridline/contracts-party-building';
import { DecideServiceRecordCommand } from './use-cases/decide-service-record/decide-service-record.command';
import { DecideServiceRecordUseCase } from './use-cases/decide-service-record/decide-service-record.use-case';
import { GetLedgerTotalsQuery } from './use-cases/get-ledger-totals/get-ledger-totals.query';
import { GetLedgerTotalsUseCase } from './use-cases/get-ledger-totals/get-ledger-totals.use-case';
import { GetMemberLedgerQuery } from './use-cases/get-member-ledger/get-member-ledger.query';
import { GetMemberLedgerUseCase } from './use-cases/get-member-ledger/get-member-ledger.use-case';
import { ListServiceRecordsQuery } from './use-cases/list-service-records/list-service-records.query';
import { ListServiceRecordsUseCase } from './use-cases/list-service-records/list-service-records.use-case';
import { SubmitServiceRecordCommand } from './use-cases/submit-service-record/submit-service-record.command';
import { SubmitServiceRecordUseCase } from './use-cases/submit-service-record/submit-service-record.use-case';

/** The service ledger on the bus. */
@Controller()
export class LedgerBusController {
  constructor(
    private readonly submitRecord: SubmitServiceRecordUseCase,
    private readonly decideRecord: DecideServiceRecordUseCase,
    private readonly listRecords: ListServiceRecordsUseCase,
    private readonly memberLedger: GetMemberLedgerUseCase,
    private readonly ledgerTotals: GetLedgerTotalsUseCase,
  ) {}

  @MessagePattern(PARTY_BUILDING_REQUESTS.submitServiceRecord.pattern)
  @Idempotent()
  submit(@Payload() request: SubmitServiceRecordRequest, @BusCaller() caller: Caller) {
    return this.submitRecord.execute(new SubmitServiceRecordCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.decideServiceRecord.pattern)
  decide(@Payload() request: DecideServiceRecordRequest, @BusCaller() caller: Caller) {
    return this.decideRecord.execute(new DecideServiceRecordCommand(caller, request));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.listServiceRecords.pattern)
  list(@Payload() query: ListServiceRecordsRequest, @BusCaller() caller: Caller) {
    return this.listRecords.execute(new ListServiceRecordsQuery(caller, query));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.memberLedger.pattern)
  ledger(@Payload() { memberId, year }: MemberLedgerRequest, @BusCaller() caller: Caller) {
    return this.memberLedger.execute(new GetMemberLedgerQuery(caller, memberId ?? null, year));
  }

  @MessagePattern(PARTY_BUILDING_REQUESTS.ledgerTotals.pattern)
  totals(@Payload() query: LedgerTotalsQuery, @BusCaller() caller: Caller) {
    return this.ledgerTotals.execute(new GetLedgerTotalsQuery(caller, query));
  }
}
