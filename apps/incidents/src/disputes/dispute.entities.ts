import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { DisputePartyRole } from '@gridline/contracts-incidents';

/** A party to a dispute case. `name` is personal data: never in events or logs. */
@Entity({ tableName: 'dispute_party' })
export class DisputePartyEntity {
  [OptionalProps]?: 'addedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  role!: DisputePartyRole;

  @Property({ type: 'text' })
  addedBy!: string;

  @Property({ type: 'timestamptz' })
  addedAt: Date = new Date();
}

/** A mediation session of a dispute case. */
@Entity({ tableName: 'mediation_session' })
export class MediationSessionEntity {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  incidentId!: string;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  mediator!: string;

  @Property({ type: 'text' })
  outcome!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();
}

/** The agreement of a dispute case, and whether the dispute is resolved: one row a case, replaced when set again. */
@Entity({ tableName: 'dispute_agreement' })
export class DisputeAgreementEntity {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  incidentId!: string;

  @Property({ type: 'text' })
  text!: string;

  /** YYYY-MM-DD */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'boolean' })
  resolved!: boolean;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();
}

export const DISPUTE_ENTITIES = [DisputePartyEntity, MediationSessionEntity, DisputeAgreementEntity];
