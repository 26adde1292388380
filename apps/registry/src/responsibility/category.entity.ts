import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { CategoryDetail, OwnerLevel, TimeLimit, UrgencyLevel } from '@gridline/contracts-registry';

/** A category of matter on the responsibility list, with its owner and time limits. */
@Entity({ tableName: 'category' })
export class CategoryEntity {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt' | 'urgency' | 'ownerLevel' | 'ownerDepartmentCode' | 'acceptLimit' | 'handleLimit' | 'parentCode' | 'details';

  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  parentCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  ownerLevel: OwnerLevel | null = null;

  @Property({ type: 'text', nullable: true })
  ownerDepartmentCode: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  acceptLimit: TimeLimit | null = null;

  @Property({ type: 'jsonb', nullable: true })
  handleLimit: TimeLimit | null = null;

  @Property({ type: 'text' })
  urgency: UrgencyLevel = 'normal';

  @Property({ type: 'jsonb' })
  details: CategoryDetail[] = [];

  @Property({ type: 'boolean' })
  active = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
