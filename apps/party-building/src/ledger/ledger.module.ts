import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { LedgerBusController } from './ledger.bus-controller';
import { ServiceLedger } from './service-ledger';
import { ServiceRecordRepository } from './service-record.repository';
import { DecideServiceRecordUseCase } from './use-cases/decide-service-record/decide-service-record.use-case';
import { GetLedgerTotalsUseCase } from './use-cases/get-ledger-totals/get-ledger-totals.use-case';
import { GetMemberLedgerUseCase } from './use-cases/get-member-ledger/get-member-ledger.use-case';
import { ListServiceRecordsUseCase } from './use-cases/list-service-records/list-service-records.use-case';
import { SubmitServiceRecordUseCase } from './use-cases/submit-service-record/submit-service-record.use-case';

/** Members' service hours and points (grid tasks, activities' attendance). Exports `ServiceLedger`: activities credit through it. */
@Module({
  imports: [MembersModule],
  controllers: [LedgerBusController],
  providers: [ServiceRecordRepository, ServiceLedger, SubmitServiceRecordUseCase, DecideServiceRecordUseCase, ListServiceRecordsUseCase, GetMemberLedgerUseCase, GetLedgerTotalsUseCase],
  exports: [ServiceLedger],
})
export class LedgerModule {}
