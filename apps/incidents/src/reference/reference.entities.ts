import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CategoryOwner, TimeLimit, UnitLevel, UrgencyLevel } from '@gridline/contracts-registry';

/** The registry's units, as incidents keeps them (scope, escalation levels). */
@Entity({ tableName: 'unit_copy' })
export class UnitCopy {
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

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The responsibility list's categories, as incidents keeps them (owner and limits of each case). */
@Entity({ tableName: 'category_copy' })
export class CategoryCopy {
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

/** The responsibility list's departments, as incidents keeps them (a dispatch names a known, active one). */
@Entity({ tableName: 'department_copy' })
export class DepartmentCopy {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The working-day calendar, one row a year. */
@Entity({ tableName: 'calendar_copy' })
export class CalendarCopy {
  @PrimaryKey({ type: 'int' })
  year!: number;

  @Property({ type: ArrayType })
  holidays!: string[];

  @Property({ type: ArrayType })
  workdays!: string[];
}
