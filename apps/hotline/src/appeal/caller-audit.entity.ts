import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One reveal of an appeal's caller in clear: who, when, which fields, why. */
@Entity({ tableName: 'caller_audit' })
export class CallerAuditEntity {
  [OptionalProps]?: 'id' | 'at' | 'correlationId';

  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'timestamptz' }) at: Date = new Date();
  @Property({ type: 'text' }) actor!: string;
  @Property({ type: ArrayType }) actorRoles!: string[];
  @Property({ type: 'uuid' }) appealId!: string;
  @Property({ type: ArrayType }) fields!: string[];
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'text', nullable: true }) correlationId: string | null = null;
}
