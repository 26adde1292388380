import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A person who works in the grids (grid staff, an instructor, one of the "seven into the grid"). */
@Entity({ tableName: 'person' })
export class PersonEntity {
  [OptionalProps]?: 'id' | 'phoneEnc' | 'phoneIndex' | 'account' | 'source' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** The mobile number encrypted (PersonalDataService.protectPhone); never the clear number. */
  @Property({ type: 'text', nullable: true })
  phoneEnc: string | null = null;

  /** Keyed hash of the normalised number, for exact-match search. */
  @Property({ type: 'text', nullable: true })
  phoneIndex: string | null = null;

  /** The login subject (a token's `sub`) of the person's own account, when they log in; unique. */
  @Property({ type: 'text', nullable: true })
  account: string | null = null;

  /** The other service's record this person is (`party-building.member:<id>`), once; null for a grid centre's. */
  @Property({ type: 'text', nullable: true })
  source: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
