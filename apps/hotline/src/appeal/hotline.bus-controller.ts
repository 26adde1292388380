import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { AppealActionRequest, AppealIdRequest, CallerAuditQuery, FiguresQuery, HOTLINE_REQUESTS, IntakeAppealRequest, ListAppealsQuery, RevealCallerRequest } from '@gridline/contracts-hotline';
import { ActOnAppealUseCase } from './use-cases/act-on-appeal/act-on-appeal.use-case';
import { IntakeAppealUseCase } from './use-cases/intake-appeal/intake-appeal.use-case';
import { ListCallerAuditUseCase } from './use-cases/list-caller-audit/list-caller-audit.use-case';
import { ReadAppealsUseCase } from './use-cases/read-appeals/read-appeals.use-case';
import { RevealAppealCallerCommand } from './use-cases/reveal-appeal-caller/reveal-appeal-caller.command';
import { RevealAppealCallerUseCase } from './use-cases/reveal-appeal-caller/reveal-appeal-caller.use-case';

/** The hotline's appeals on the bus. */
@Controller()
export class HotlineBusController {
  constructor(
    private readonly intakeAppeal: IntakeAppealUseCase,
    private readonly actOnAppeal: ActOnAppealUseCase,
    private readonly read: ReadAppealsUseCase,
    private readonly revealCaller: RevealAppealCallerUseCase,
    private readonly callerAudit: ListCallerAuditUseCase,
  ) {}

  @MessagePattern(HOTLINE_REQUESTS.revealCaller.pattern)
  reveal(@Payload() { id, fields, reason }: RevealCallerRequest, @BusCaller() caller: Caller) {
    return this.revealCaller.execute(new RevealAppealCallerCommand(caller, id, fields, reason));
  }

  @MessagePattern(HOTLINE_REQUESTS.callerAudit.pattern)
  audit(@Payload() query: CallerAuditQuery, @BusCaller() caller: Caller) {
    return this.callerAudit.execute(caller, query);
  }

  @MessagePattern(HOTLINE_REQUESTS.intake.pattern)
  @Idempotent()
  intake(@Payload() request: IntakeAppealRequest, @BusCaller() caller: Caller) {
    return this.intakeAppeal.execute(caller, request);
  }

  @MessagePattern(HOTLINE_REQUESTS.act.pattern)
  @Idempotent()
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
