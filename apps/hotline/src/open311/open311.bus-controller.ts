import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { HOTLINE_REQUESTS, PublicAppealUpdatesQuery, type Open311UpdateRecorded, PublicAppealsQuery, RecordOpen311MediaRequest, RecordOpen311UpdateRequest } from '@gridline/contracts-hotline';
import { ListPublicAppealUpdatesQuery } from './use-cases/list-public-appeal-updates/list-public-appeal-updates.query';
import { ListPublicAppealUpdatesUseCase } from './use-cases/list-public-appeal-updates/list-public-appeal-updates.use-case';
import { ListPublicAppealsQuery } from './use-cases/list-public-appeals/list-public-appeals.query';
import { ListPublicAppealsUseCase } from './use-cases/list-public-appeals/list-public-appeals.use-case';
import { RecordOpen311MediaCommand } from './use-cases/record-open311-media/record-open311-media.command';
import { RecordOpen311MediaUseCase } from './use-cases/record-open311-media/record-open311-media.use-case';
import { RecordOpen311UpdateCommand } from './use-cases/record-open311-update/record-open311-update.command';
import { RecordOpen311UpdateUseCase } from './use-cases/record-open311-update/record-open311-update.use-case';

/** What the gateway's Open311 API reads and adds on the bus. */
@Controller()
export class Open311BusController {
  constructor(
    private readonly listPublicAppeals: ListPublicAppealsUseCase,
    private readonly recordOpen311Media: RecordOpen311MediaUseCase,
    private readonly listPublicAppealUpdates: ListPublicAppealUpdatesUseCase,
    private readonly recordOpen311Update: RecordOpen311UpdateUseCase,
  ) {}

  @MessagePattern(HOTLINE_REQUESTS.publicAppeals.pattern)
  appeals(@Payload() query: PublicAppealsQuery, @BusCaller() caller: Caller) {
    return this.listPublicAppeals.execute(new ListPublicAppealsQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.recordOpen311Media.pattern)
  media(@Payload() request: RecordOpen311MediaRequest, @BusCaller() caller: Caller) {
    return this.recordOpen311Media.execute(new RecordOpen311MediaCommand(caller, request));
  }

  @MessagePattern(HOTLINE_REQUESTS.publicAppealUpdates.pattern)
  updates(@Payload() query: PublicAppealUpdatesQuery, @BusCaller() caller: Caller) {
    return this.listPublicAppealUpdates.execute(new ListPublicAppealUpdatesQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.recordOpen311Update.pattern)
  @Idempotent({ replay: (answer: Open311UpdateRecorded) => ({ ...answer, replayed: true }) })
  update(@Payload() request: RecordOpen311UpdateRequest, @BusCaller() caller: Caller) {
    return this.recordOpen311Update.execute(new RecordOpen311UpdateCommand(caller, request));
  }
}
