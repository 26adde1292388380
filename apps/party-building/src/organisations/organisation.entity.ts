import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { OrganisationLevel } from '@gridline/contracts-party-building';

/** A party organisation bound to a unit of the grid map; `path` is the unit's (street first), for scope. */
@Entity({ tableName: 'organisation' })
export class OrganisationEntity {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  level!: OrganisationLevel;

  @Property({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Property({ type: 'text' })
  unitCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
