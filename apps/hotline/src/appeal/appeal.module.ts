import { Module } from '@nestjs/common';
import { AppealJournal } from './appeal-journal';
import { AppealRepository } from './appeal.repository';
import { CallerAuditRepository } from './caller-audit.repository';
import { HotlineBusController } from './hotline.bus-controller';
import { ActOnAppealUseCase } from './use-cases/act-on-appeal/act-on-appeal.use-case';
import { GetAppealUseCase } from './use-cases/get-appeal/get-appeal.use-case';
import { GetAppealTimelineUseCase } from './use-cases/get-appeal-timeline/get-appeal-timeline.use-case';
import { IntakeAppealUseCase } from './use-cases/intake-appeal/intake-appeal.use-case';
import { ExportAuditRepository } from '@gridline/persistence';
import { ListAppealExportsUseCase } from './use-cases/list-appeal-exports/list-appeal-exports.use-case';
import { GiveAppealSnapshotUseCase } from './use-cases/give-appeal-snapshot/give-appeal-snapshot.use-case';
import { ListAppealsByCursorUseCase } from './use-cases/list-appeals-by-cursor/list-appeals-by-cursor.use-case';
import { RecordAppealExportUseCase } from './use-cases/record-appeal-export/record-appeal-export.use-case';
import { ListAppealsUseCase } from './use-cases/list-appeals/list-appeals.use-case';
import { ListCallerAuditUseCase } from './use-cases/list-caller-audit/list-caller-audit.use-case';
import { ReadAppealFiguresUseCase } from './use-cases/read-appeal-figures/read-appeal-figures.use-case';
import { RevealAppealCallerUseCase } from './use-cases/reveal-appeal-caller/reveal-appeal-caller.use-case';
import { DefaultAppealOwner } from './appeal-owner';
import { AppealPlaceLocator } from './appeal-place';
import { RelatedAppeals } from './related-appeals';
import { FindRelatedAppealsUseCase } from './use-cases/find-related-appeals/find-related-appeals.use-case';
import { SuggestAppealOwnerUseCase } from './use-cases/suggest-appeal-owner/suggest-appeal-owner.use-case';

/** Appeals from intake to callback: their steps, views, timelines, figures and the callers revealed, the lists exported. */
@Module({
  controllers: [HotlineBusController],
  providers: [
    AppealRepository,
    AppealJournal,
    CallerAuditRepository,
    AppealPlaceLocator,
    RelatedAppeals,
    IntakeAppealUseCase,
    FindRelatedAppealsUseCase,
    ActOnAppealUseCase,
    GetAppealUseCase,
    GetAppealTimelineUseCase,
    DefaultAppealOwner,
    SuggestAppealOwnerUseCase,
    ListAppealsUseCase,
    ReadAppealFiguresUseCase,
    RevealAppealCallerUseCase,
    ListCallerAuditUseCase,
    ListAppealsByCursorUseCase,
    GiveAppealSnapshotUseCase,
    ExportAuditRepository,
    RecordAppealExportUseCase,
    ListAppealExportsUseCase,
  ],
  exports: [AppealRepository, AppealJournal, ReadAppealFiguresUseCase],
})
export class AppealModule {}
