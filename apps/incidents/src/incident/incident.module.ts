import { Module } from '@nestjs/common';
import { PhotoStoreModule } from '../photos/photo-store.module';
import { AppealHandoffSubscriber } from './appeal-handoff.subscriber';
import { IncidentJournal } from './incident-journal';
import { IncidentRepository } from './incident.repository';
import { IncidentsBusController } from './incidents.bus-controller';
import { ActOnIncidentUseCase } from './use-cases/act-on-incident/act-on-incident.use-case';
import { NoteAppealCallbackUseCase } from './use-cases/note-appeal-callback/note-appeal-callback.use-case';
import { OpenCaseFromAppealUseCase } from './use-cases/open-case-from-appeal/open-case-from-appeal.use-case';
import { CountIncidentsUseCase } from './use-cases/count-incidents/count-incidents.use-case';
import { GetIncidentUseCase } from './use-cases/get-incident/get-incident.use-case';
import { GetIncidentTimelineUseCase } from './use-cases/get-incident-timeline/get-incident-timeline.use-case';
import { ExportAuditRepository } from '@gridline/persistence';
import { ListIncidentExportsUseCase } from './use-cases/list-incident-exports/list-incident-exports.use-case';
import { RecordIncidentExportUseCase } from './use-cases/record-incident-export/record-incident-export.use-case';
import { ListIncidentsUseCase } from './use-cases/list-incidents/list-incidents.use-case';
import { GiveIncidentSnapshotUseCase } from './use-cases/give-incident-snapshot/give-incident-snapshot.use-case';
import { RecordHandoffFailureUseCase } from './use-cases/record-handoff-failure/record-handoff-failure.use-case';
import { ReportIncidentUseCase } from './use-cases/report-incident/report-incident.use-case';
import { WithdrawSupersededCasesUseCase } from './use-cases/withdraw-superseded-cases/withdraw-superseded-cases.use-case';

/** The grid case process: report, the steps of a case, its reads, and the hotline's hand-offs. */
@Module({
  imports: [PhotoStoreModule],
  controllers: [IncidentsBusController],
  providers: [
    IncidentRepository,
    IncidentJournal,
    ReportIncidentUseCase,
    ActOnIncidentUseCase,
    GetIncidentUseCase,
    GetIncidentTimelineUseCase,
    ListIncidentsUseCase,
    GiveIncidentSnapshotUseCase,
    CountIncidentsUseCase,
    ExportAuditRepository,
    RecordIncidentExportUseCase,
    ListIncidentExportsUseCase,
    OpenCaseFromAppealUseCase,
    RecordHandoffFailureUseCase,
    NoteAppealCallbackUseCase,
    WithdrawSupersededCasesUseCase,
    AppealHandoffSubscriber,
  ],
  exports: [IncidentRepository, IncidentJournal, ReportIncidentUseCase],
})
export class IncidentModule {}
