import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { AppealActionRequest, AppealIdRequest, FiguresQuery, HOTLINE_REQUESTS, IntakeAppealRequest, ListAppealsQuery } from '@gridline/contracts-hotline';
import { ActOnAppealUseCase } from './use-cases/act-on-appeal/act-on-appeal.use-case';
import { IntakeAppealUseCase } from './use-cases/intake-appeal/intake-appeal.use-case';
import { ReadAppealsUseCase } from './use-cases/read-appeals/read-appeals.use-case';

/** The hotline's appeals on the bus. */
@Controller()
export class HotlineBusController {
  constructor(
    private readonly intakeAppeal: IntakeAppealUseCase,
    private readonly actOnAppeal: ActOnAppealUseCase,
    private readonly read: ReadAppealsUseCase,
  ) {}

  @MessagePattern(HOTLINE_REQUESTS.intake.pattern)
  @Idempotent()
  intake(@Payload() request: IntakeAppealRequest, @BusCaller() caller: Caller) {
    return this.intakeAppeal.execute(caller, request);
  }

  @MessagePattern(HOTLINE_REQUESTS.act.pattern)
  act(@Payload() { id, action, ...body }: AppealActionRequest, @BusCaller() caller: Caller) {
    return this.actOnAppeal.execute(caller, id, action, body);
  }

  @MessagePattern(HOTLINE_REQUESTS.get.pattern)
  get(@Payload() { id }: AppealIdRequest, @BusCaller() caller: Caller) {
    return this.read.get(caller, id);
  }

  @MessagePattern(HOTLINE_REQUESTS.timeline.pattern)
  timeline(@Payload() { id }: AppealIdRequest, @BusCaller() caller: Caller) {
    return this.read.timeline(caller, id);
  }

  @MessagePattern(HOTLINE_REQUESTS.list.pattern)
  list(@Payload() query: ListAppealsQuery, @BusCaller() caller: Caller) {
    return this.read.list(caller, query);
  }

  @MessagePattern(HOTLINE_REQUESTS.figures.pattern)
  figures(@Payload() query: FiguresQuery, @BusCaller() caller: Caller) {
    return this.read.figures(caller, query);
  }
}
