import { Module } from '@nestjs/common';
import { Open311BusController } from './open311.bus-controller';
import { Open311Repository } from './open311.repository';
import { ListPublicAppealUpdatesUseCase } from './use-cases/list-public-appeal-updates/list-public-appeal-updates.use-case';
import { ListPublicAppealsUseCase } from './use-cases/list-public-appeals/list-public-appeals.use-case';
import { RecordOpen311MediaUseCase } from './use-cases/record-open311-media/record-open311-media.use-case';
import { RecordOpen311UpdateUseCase } from './use-cases/record-open311-update/record-open311-update.use-case';

/** What the gateway's Open311 API reads and adds: published appeals, their media, citizens' comments, updates. */
@Module({
  controllers: [Open311BusController],
  providers: [Open311Repository, ListPublicAppealsUseCase, RecordOpen311MediaUseCase, ListPublicAppealUpdatesUseCase, RecordOpen311UpdateUseCase],
})
export class Open311Module {}
