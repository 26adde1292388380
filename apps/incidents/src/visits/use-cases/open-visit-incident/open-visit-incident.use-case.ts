import { Injectable } from '@nestjs/common';
import { requireRole, scopeCovers } from '@gridline/auth';
import { TransactionRunner } from '@gridline/persistence';
import type { ReportIncidentRequest, ReportResult } from '@gridline/contracts-incidents';
import { IncidentJournal } from '../../../incident/incident-journal';
import { mayView } from '../../../incident/incident-process';
import { IncidentRepository } from '../../../incident/incident.repository';
import { ReportIncidentCommand } from '../../../incident/use-cases/report-incident/report-incident.command';
import { ReportIncidentUseCase } from '../../../incident/use-cases/report-incident/report-incident.use-case';
import { visitCaseAlreadyOpened, visitNotFound } from '../../visit.errors';
import { VisitRepository } from '../../visit.repository';
import { VISIT_WRITERS, visitCaseKey } from '../../visit-rules';
import type { OpenVisitIncidentCommand } from './open-visit-incident.command';

/**
 * Opens a case from a visit: a report whose source is "visit", in the visit's grid unless the body names a
 * grid or a location. The visit keeps the case's id and the case's timeline names the visit. The report
 * is idempotent per visit (and caller), so a retry answers the same case.
 */
@Injectable()
export class OpenVisitIncidentUseCase {
  constructor(
    private readonly visits: VisitRepository,
    private readonly incidents: IncidentRepository,
    private readonly reportIncident: ReportIncidentUseCase,
    private readonly journal: IncidentJournal,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, visitId, incident: body }: OpenVisitIncidentCommand): Promise<ReportResult> {
    requireRole(caller, VISIT_WRITERS, 'open cases from visits');
    const visit = await this.visits.findById(visitId);
    if (!visit || !scopeCovers(caller, visit.path)) throw visitNotFound(visitId);
    if (visit.incidentId) {
      // The case may lie in another grid than the visit (opened at a location elsewhere): name it only if visible.
      const opened = await this.incidents.findById(visit.incidentId);
      throw visitCaseAlreadyOpened(visit.id, opened && mayView(caller, opened) ? opened.id : null);
    }

    const report: ReportIncidentRequest = { ...body, source: 'visit', gridCode: body.gridCode ?? (body.location ? undefined : visit.gridCode) };
    const result = await this.reportIncident.execute(new ReportIncidentCommand(caller, report, visitCaseKey(visit.id)));

    await this.transactions.run(async () => {
      if (!(await this.visits.linkCase(visit.id, result.incident.id))) return;
      const incident = (await this.incidents.findById(result.incident.id))!;
      this.journal.record(incident, { action: 'opened_from_visit', actor: caller.sub, from: incident.status, details: { visitId: visit.id, visitDate: visit.date } });
      await this.incidents.save();
    });
    return result;
  }
}
