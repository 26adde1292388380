import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { UnitLevel } from '@gridline/contracts-registry';

/** Analytics' own copy of the grid map, kept from the registry's events (never read from its tables). */
@Entity({ tableName: 'unit_projection' })
export class UnitProjection {
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  level!: UnitLevel;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
