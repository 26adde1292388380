import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type {
  HandlingResolution,
  IncidentAttachment,
  IncidentEvaluation,
  IncidentHandling,
  IncidentVerification,
  IncidentOwner,
  IncidentSource,
  IncidentStatus,
  IncidentStep,
  IncidentSupervision,
  IncidentUrgency,
} from '@gridline/contracts-incidents';

/** A grid case. Its step clock (warn/due/red) drives supervision; `version` guards concurrent actions. */
@Entity({ tableName: 'incident' })
export class IncidentEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'reworkCount' | 'supervisionCard' | 'attachments' | 'separationOfDuties' | 'dueProvisional';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  status!: IncidentStatus;

  @Property({ type: 'text' })
  categoryCode!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'double', nullable: true })
  lat: number | null = null;

  @Property({ type: 'double', nullable: true })
  lng: number | null = null;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  urgency!: IncidentUrgency;

  @Property({ type: 'text' })
  source!: IncidentSource;

  @Property({ type: 'text' })
  reporter!: string;

  @Property({ type: 'jsonb' })
  attachments: IncidentAttachment[] = [];

  @Property({ type: 'text', nullable: true })
  appealRef: string | null = null;

  /** For a case opened from a hotline appeal: the appeal's hand-off it answers. */
  @Property({ type: 'int', nullable: true })
  appealHandoff: number | null = null;

  @Property({ type: 'jsonb', nullable: true })
  owner: IncidentOwner | null = null;

  @Property({ type: 'text', nullable: true })
  step: IncidentStep | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  stepStartedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  warnAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  dueAt: Date | null = null;

  /** Whether `dueAt` was counted through a provisional calendar year: it may move once that year's notice is loaded. */
  @Property({ type: 'boolean' })
  dueProvisional = false;

  @Property({ type: 'timestamptz', nullable: true })
  redAt: Date | null = null;

  /** When the scheduler should look at this case next (null: nothing to watch). */
  @Property({ type: 'timestamptz', nullable: true })
  nextCheckAt: Date | null = null;

  @Property({ type: 'text' })
  supervisionCard: IncidentSupervision['card'] = 'none';

  @Property({ type: 'text', nullable: true })
  supervisorUnitCode: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  supervisedSince: Date | null = null;

  @Property({ type: 'int' })
  reworkCount = 0;

  @Property({ type: 'jsonb', nullable: true })
  extension: { requestedUntil: string; reason: string; requestedBy: string } | null = null;

  @Property({ type: 'jsonb', nullable: true })
  /** `resolution` absent on handlings recorded before it was asked: those count as resolved. */
  handling: (Omit<IncidentHandling, 'resolution'> & { resolution?: HandlingResolution }) | null = null;

  /** The latest verification on site. */
  @Property({ type: 'jsonb', nullable: true })
  verification: IncidentVerification | null = null;

  @Property({ type: 'jsonb', nullable: true })
  evaluation: IncidentEvaluation | null = null;

  @Property({ type: 'int', nullable: true })
  rating: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  mergedInto: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Whoever handled the case may neither verify nor evaluate it (the rule of its street when it was reported). */
  @Property({ type: 'boolean' })
  separationOfDuties: boolean = true;

  /** The readable work-order number (GX-YYYYMMDD-NNNNNN), unique per China day of the report. */
  @Property({ type: 'text' })
  workOrder!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();

  @Property({ type: 'int', version: true })
  version!: number;
}

@Entity({ tableName: 'incident_timeline' })
export class TimelineEntity {
  [OptionalProps]?: 'id' | 'at' | 'details' | 'comment' | 'fromStatus';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text', nullable: true })
  fromStatus: IncidentStatus | null = null;

  @Property({ type: 'text' })
  toStatus!: IncidentStatus;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'jsonb' })
  details: Record<string, unknown> = {};
}

export const INCIDENT_ENTITIES = [IncidentEntity, TimelineEntity];
