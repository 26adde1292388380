import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { MemberStatus } from '@gridline/contracts-party-building';

/**
 * A party member. Name, ID number and phone are stored only encrypted (`*Enc`, PersonalDataService), the ID number
 * and phone with a keyed hash beside (`*Index`) for exact search and uniqueness. `path` is the unit path of the
 * member's organisation (their scope), rewritten on a transfer.
 */
@Entity({ tableName: 'member' })
export class MemberEntity {
  [OptionalProps]?: 'account' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  nameEnc!: string;

  @Property({ type: 'text' })
  idNumberEnc!: string;

  @Property({ type: 'text' })
  idNumberIndex!: string;

  @Property({ type: 'text' })
  phoneEnc!: string;

  @Property({ type: 'text' })
  phoneIndex!: string;

  @Property({ type: 'text' })
  status!: MemberStatus;

  @Property({ type: 'date' })
  joinedOn!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  homeGridCode!: string;

  @Property({ type: 'text', nullable: true })
  account: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** One reveal of a member's personal data in clear: who, what, when, why; `path` is the member's at the time (for scope). */
@Entity({ tableName: 'member_audit' })
export class MemberAuditEntity {
  [OptionalProps]?: 'id' | 'at' | 'correlationId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: ArrayType })
  actorRoles!: string[];

  @Property({ type: 'uuid' })
  memberId!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: ArrayType })
  fields!: string[];

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  correlationId: string | null = null;
}
