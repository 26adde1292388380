import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CategoryOwner, TimeLimit, UnitLevel } from '@gridline/contracts-registry';

/** What the hotline keeps of each kind of registry record besides its code, name and state. */
export interface RegistryCopyFacts {
  unit: { level: UnitLevel; parentCode: string | null; path: string[] };
  department: Record<string, never>;
  category: { parentCode: string | null; owner: CategoryOwner | null; handleLimit: TimeLimit | null };
}

export type RegistryCopyKind = keyof RegistryCopyFacts;

/**
 * One unit, department or category of the registry as the hotline keeps it (from `events.registry.>`): its name for
 * the views, whether it is in use, and the few facts a dispatch and a deadline need (`facts`).
 */
@Entity({ tableName: 'registry_copy' })
export class RegistryCopyEntity<K extends RegistryCopyKind = RegistryCopyKind> {
  @PrimaryKey({ type: 'text' }) kind!: K;
  @PrimaryKey({ type: 'text' }) code!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'boolean' }) active!: boolean;
  @Property({ type: 'jsonb' }) facts!: RegistryCopyFacts[K];
  /** The registry's time of the record (an event's time for units): an older copy never overwrites a newer one. */
  @Property({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A year of the working-day calendar whose notice the registry loaded. */
@Entity({ tableName: 'calendar_year_copy' })
export class CalendarYearCopyEntity {
  @PrimaryKey({ type: 'int' }) year!: number;
  @Property({ type: ArrayType }) holidays!: string[];
  @Property({ type: ArrayType }) workdays!: string[];
}
