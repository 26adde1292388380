import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A department of the street or district that owns kinds of matters. */
@Entity({ tableName: 'department' })
export class DepartmentEntity {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt' | 'contact';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  contact: string | null = null;

  @Property({ type: 'boolean' })
  active = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
