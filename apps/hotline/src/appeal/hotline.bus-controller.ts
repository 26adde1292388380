import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { AppealActionRequest, AppealCursorPageRequest, AppealIdRequest, AppealSnapshotQuery, CallerAuditQuery, FiguresQuery, HOTLINE_REQUESTS, IntakeAppealRequest, ListAppealsQuery as ListAppealsRequest, RecordAppealExportRequest, RelatedAppealsQuery, RevealCallerRequest } from '@gridline/contracts-hotline';
import { ExportAuditQuery } from '@gridline/platform';
import { ActOnAppealCommand } from './use-cases/act-on-appeal/act-on-appeal.command';
import { ActOnAppealUseCase } from './use-cases/act-on-appeal/act-on-appeal.use-case';
import { GetAppealQuery } from './use-cases/get-appeal/get-appeal.query';
import { GetAppealUseCase } from './use-cases/get-appeal/get-appeal.use-case';
import { FindRelatedAppealsQuery } from './use-cases/find-related-appeals/find-related-appeals.query';
import { FindRelatedAppealsUseCase } from './use-cases/find-related-appeals/find-related-appeals.use-case';
import { SuggestAppealOwnerQuery } from './use-cases/suggest-appeal-owner/suggest-appeal-owner.query';
import { SuggestAppealOwnerUseCase } from './use-cases/suggest-appeal-owner/suggest-appeal-owner.use-case';
import { GetAppealTimelineQuery } from './use-cases/get-appeal-timeline/get-appeal-timeline.query';
import { GetAppealTimelineUseCase } from './use-cases/get-appeal-timeline/get-appeal-timeline.use-case';
import { GiveAppealSnapshotQuery } from './use-cases/give-appeal-snapshot/give-appeal-snapshot.query';
import { GiveAppealSnapshotUseCase } from './use-cases/give-appeal-snapshot/give-appeal-snapshot.use-case';
import { IntakeAppealCommand } from './use-cases/intake-appeal/intake-appeal.command';
import { IntakeAppealUseCase } from './use-cases/intake-appeal/intake-appeal.use-case';
import { ListAppealsQuery } from './use-cases/list-appeals/list-appeals.query';
import { ListAppealsUseCase } from './use-cases/list-appeals/list-appeals.use-case';
import { ListAppealExportsQuery } from './use-cases/list-appeal-exports/list-appeal-exports.query';
import { ListAppealExportsUseCase } from './use-cases/list-appeal-exports/list-appeal-exports.use-case';
import { ListAppealsByCursorQuery } from './use-cases/list-appeals-by-cursor/list-appeals-by-cursor.query';
import { ListAppealsByCursorUseCase } from './use-cases/list-appeals-by-cursor/list-appeals-by-cursor.use-case';
import { RecordAppealExportCommand } from './use-cases/record-appeal-export/record-appeal-export.command';
import { RecordAppealExportUseCase } from './use-cases/record-appeal-export/record-appeal-export.use-case';
import { ListCallerAuditQuery } from './use-cases/list-caller-audit/list-caller-audit.query';
import { ListCallerAuditUseCase } from './use-cases/list-caller-audit/list-caller-audit.use-case';
import { ReadAppealFiguresQuery } from './use-cases/read-appeal-figures/read-appeal-figures.query';
import { ReadAppealFiguresUseCase } from './use-cases/read-appeal-figures/read-appeal-figures.use-case';
import { RevealAppealCallerCommand } from './use-cases/reveal-appeal-caller/reveal-appeal-caller.command';
import { RevealAppealCallerUseCase } from './use-cases/reveal-appeal-caller/reveal-appeal-caller.use-case';

/** The hotline's appeals on the bus: each request becomes a command or a query for its use case. */
@Controller()
export class HotlineBusController {
  constructor(
    private readonly intakeAppeal: IntakeAppealUseCase,
    private readonly actOnAppeal: ActOnAppealUseCase,
    private readonly getAppeal: GetAppealUseCase,
    private readonly suggestOwner: SuggestAppealOwnerUseCase,
    private readonly findRelated: FindRelatedAppealsUseCase,
    private readonly getTimeline: GetAppealTimelineUseCase,
    private readonly listAppeals: ListAppealsUseCase,
    private readonly readFigures: ReadAppealFiguresUseCase,
    private readonly revealCaller: RevealAppealCallerUseCase,
    private readonly callerAudit: ListCallerAuditUseCase,
    private readonly listByCursor: ListAppealsByCursorUseCase,
    private readonly recordExport: RecordAppealExportUseCase,
    private readonly exportAudit: ListAppealExportsUseCase,
    private readonly giveSnapshot: GiveAppealSnapshotUseCase,
  ) {}

  @MessagePattern(HOTLINE_REQUESTS.revealCaller.pattern)
  reveal(@Payload() { id, fields, reason }: RevealCallerRequest, @BusCaller() caller: Caller) {
    return this.revealCaller.execute(new RevealAppealCallerCommand(caller, id, fields, reason));
  }

  @MessagePattern(HOTLINE_REQUESTS.callerAudit.pattern)
  audit(@Payload() query: CallerAuditQuery, @BusCaller() caller: Caller) {
    return this.callerAudit.execute(new ListCallerAuditQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.intake.pattern)
  @Idempotent()
  intake(@Payload() request: IntakeAppealRequest, @BusCaller() caller: Caller) {
    return this.intakeAppeal.execute(new IntakeAppealCommand(caller, request));
  }

  @MessagePattern(HOTLINE_REQUESTS.act.pattern)
  @Idempotent()
  act(@Payload() { id, action, ...body }: AppealActionRequest, @BusCaller() caller: Caller) {
    return this.actOnAppeal.execute(new ActOnAppealCommand(caller, id, action, body));
  }

  @MessagePattern(HOTLINE_REQUESTS.get.pattern)
  get(@Payload() { id }: AppealIdRequest, @BusCaller() caller: Caller) {
    return this.getAppeal.execute(new GetAppealQuery(caller, id));
  }

  @MessagePattern(HOTLINE_REQUESTS.related.pattern)
  related(@Payload() query: RelatedAppealsQuery, @BusCaller() caller: Caller) {
    return this.findRelated.execute(new FindRelatedAppealsQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.ownerSuggestion.pattern)
  ownerSuggestion(@Payload() { id }: AppealIdRequest, @BusCaller() caller: Caller) {
    return this.suggestOwner.execute(new SuggestAppealOwnerQuery(caller, id));
  }

  @MessagePattern(HOTLINE_REQUESTS.timeline.pattern)
  timeline(@Payload() { id }: AppealIdRequest, @BusCaller() caller: Caller) {
    return this.getTimeline.execute(new GetAppealTimelineQuery(caller, id));
  }

  @MessagePattern(HOTLINE_REQUESTS.list.pattern)
  list(@Payload() query: ListAppealsRequest, @BusCaller() caller: Caller) {
    return this.listAppeals.execute(new ListAppealsQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.listByCursor.pattern)
  pageByCursor(@Payload() query: AppealCursorPageRequest, @BusCaller() caller: Caller) {
    return this.listByCursor.execute(new ListAppealsByCursorQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.snapshot.pattern)
  snapshot(@Payload() query: AppealSnapshotQuery, @BusCaller() caller: Caller) {
    return this.giveSnapshot.execute(new GiveAppealSnapshotQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.recordExport.pattern)
  exportRecord(@Payload() request: RecordAppealExportRequest, @BusCaller() caller: Caller) {
    return this.recordExport.execute(new RecordAppealExportCommand(caller, request));
  }

  @MessagePattern(HOTLINE_REQUESTS.exportAudit.pattern)
  exports(@Payload() query: ExportAuditQuery, @BusCaller() caller: Caller) {
    return this.exportAudit.execute(new ListAppealExportsQuery(caller, query));
  }

  @MessagePattern(HOTLINE_REQUESTS.figures.pattern)
  figures(@Payload() query: FiguresQuery, @BusCaller() caller: Caller) {
    return this.readFigures.execute(new ReadAppealFiguresQuery(caller, query));
  }
}
