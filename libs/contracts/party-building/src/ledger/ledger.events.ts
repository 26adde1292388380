import type { GridTask, ServiceKind, ServiceStatus } from './ledger.types';

/**
 * `events.party-building.member.service_recorded|service_approved|service_rejected`: a service record as it now is —
 * ids, organisation and unit path, hours and points; never a name, the note or the reason (they may name people).
 */
export interface ServiceRecordEventData {
  recordId: string;
  memberId: string;
  organisationId: string;
  /** The organisation's unit path, street first (for figures per grid). */
  unitPath: string[];
  kind: ServiceKind;
  task: GridTask | null;
  activityId: string | null;
  day: string;
  /** The China year of `day`. */
  year: number;
  hours: number;
  points: number;
  status: ServiceStatus;
}
