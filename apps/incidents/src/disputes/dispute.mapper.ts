import type { Caller } from '@gridline/auth';
import type { DisputeView } from '@gridline/contracts-incidents';
import type { IncidentEntity } from '../incident/incident.entity';
import { mayChangeDispute } from './dispute-rules';
import type { DisputeAgreementEntity, DisputePartyEntity, MediationSessionEntity } from './dispute.entities';

export function toDisputeView(
  incident: IncidentEntity,
  caller: Caller,
  parties: DisputePartyEntity[],
  sessions: MediationSessionEntity[],
  agreement: DisputeAgreementEntity | null,
): DisputeView {
  return {
    incidentId: incident.id,
    categoryCode: incident.categoryCode,
    status: incident.status,
    parties: parties.map((p) => ({ id: p.id, name: p.name, role: p.role, addedBy: p.addedBy, addedAt: p.addedAt.toISOString() })),
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, mediator: s.mediator, outcome: s.outcome, recordedBy: s.recordedBy, recordedAt: s.recordedAt.toISOString() })),
    agreement: agreement ? { text: agreement.text, date: agreement.date, recordedBy: agreement.recordedBy, recordedAt: agreement.recordedAt.toISOString() } : null,
    resolved: agreement?.resolved ?? false,
    mayChange: mayChangeDispute(caller, incident),
  };
}
