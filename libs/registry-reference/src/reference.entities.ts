import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CategoryOwner, TimeLimit, UnitLevel, UrgencyLevel } from '@gridline/contracts-registry';

/** A unit of the registry's grid map, as a service keeps it (scope, escalation levels, names). */
@Entity({ tableName: 'registry_unit' })
export class ReferenceUnit {
  @PrimaryKey({ type: 'text' })
  code!: string;

  /** Null for a unit copied before names were kept, until its next event. */
  @Property({ type: 'text', nullable: true })
  name!: string | null;

  @Property({ type: 'text' })
  level!: UnitLevel;

  @Property({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'boolean' })
  active!: boolean;

  /** The registry's time of the record (an event's time for units): an older copy never overwrites a newer one. */
  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A category of the responsibility list (owner and limits of each case or appeal). */
@Entity({ tableName: 'registry_category' })
export class ReferenceCategory {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'jsonb', nullable: true })
  owner!: CategoryOwner | null;

  @Property({ type: 'jsonb', nullable: true })
  acceptLimit!: TimeLimit | null;

  @Property({ type: 'jsonb', nullable: true })
  handleLimit!: TimeLimit | null;

  @Property({ type: 'text' })
  urgency!: UrgencyLevel;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A department of the responsibility list (a dispatch names a known, active one). */
@Entity({ tableName: 'registry_department' })
export class ReferenceDepartment {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A year of the working-day calendar whose notice the registry loaded. */
@Entity({ tableName: 'registry_calendar_year' })
export class ReferenceCalendarYear {
  @PrimaryKey({ type: 'int' })
  year!: number;

  @Property({ type: ArrayType })
  holidays!: string[];

  @Property({ type: ArrayType })
  workdays!: string[];
}

/** The entities a service that keeps the copy lists beside its own. */
export const REGISTRY_REFERENCE_ENTITIES = [ReferenceUnit, ReferenceCategory, ReferenceDepartment, ReferenceCalendarYear];
