import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { OfficerRole } from '@gridline/contracts-party-building';

/** A party member's term of office in an organisation, China calendar days, both ends inclusive; no end = current. */
@Entity({ tableName: 'organisation_officer' })
export class OfficerEntity {
  [OptionalProps]?: 'endsOn' | 'directsGridCentre' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  /** The party member (the members feature's record; no foreign key across features). */
  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'text' })
  role!: OfficerRole;

  /** YYYY-MM-DD (the driver keeps dates as strings). */
  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn: string | null = null;

  /** The community committee's secretary directs the community grid centre (书记抓、抓书记). */
  @Property({ type: 'boolean' })
  directsGridCentre: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
