import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { HOTLINE_REQUESTS, PublicAppealsQuery, RecordOpen311MediaRequest } from '@gridline/contracts-hotline';
import { ListPublicAppealsUseCase } from './use-cases/list-public-appeals/list-public-appeals.use-case';
import { RecordOpen311MediaUseCase } from './use-cases/record-open311-media/record-open311-media.use-case';

/** What the gateway's Open311 API reads and adds on the bus. */
@Controller()
export class Open311BusController {
  constructor(
    private readonly listPublicAppeals: ListPublicAppealsUseCase,
    private readonly recordOpen311Media: RecordOpen311MediaUseCase,
  ) {}

  @MessagePattern(HOTLINE_REQUESTS.publicAppeals.pattern)
  appeals(@Payload() query: PublicAppealsQuery, @BusCaller() caller: Caller) {
    return this.listPublicAppeals.execute(caller, query);
  }

  @MessagePattern(HOTLINE_REQUESTS.recordOpen311Media.pattern)
  media(@Payload() request: RecordOpen311MediaRequest, @BusCaller() caller: Caller) {
    return this.recordOpen311Media.execute(caller, request);
  }
}
