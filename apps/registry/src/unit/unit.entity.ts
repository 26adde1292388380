import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ExclusiveGridKind, UnitBoundary, UnitLevel } from '@gridline/contracts-registry';

/** A street, community, grid or exclusive grid of the grid map. */
@Entity({ tableName: 'unit' })
export class UnitEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'active';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  level!: UnitLevel;

  @Property({ type: 'text', nullable: true })
  kind: ExclusiveGridKind | null = null;

  @Property({ type: 'text', nullable: true })
  parentCode: string | null = null;

  /** Codes from the street down to this unit: scope checks test it against the caller's units. */
  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'jsonb', nullable: true })
  boundary: UnitBoundary | null = null;

  /** Bounding box of the boundary: narrows point-in-polygon candidates in SQL. */
  @Property({ type: 'double', nullable: true })
  minLng: number | null = null;

  @Property({ type: 'double', nullable: true })
  minLat: number | null = null;

  @Property({ type: 'double', nullable: true })
  maxLng: number | null = null;

  @Property({ type: 'double', nullable: true })
  maxLat: number | null = null;

  @Property({ type: 'boolean' })
  active = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'int', version: true })
  version!: number;
}
