import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ImportKind, ImportRejection, ResidentTag } from '@gridline/contracts-registry';

/**
 * The basic-information registers. Every record keeps its grid and the grid's `path` (street → grid),
 * so that scope filters are one array overlap. ID and phone numbers exist here only as ciphertext
 * (`*Enc`) and keyed hash (`*Index`).
 */
@Entity({ tableName: 'building' })
export class BuildingEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'name' | 'floors' | 'unitCount';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'int', nullable: true })
  floors: number | null = null;

  @Property({ type: 'int', nullable: true })
  unitCount: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

@Entity({ tableName: 'household' })
export class HouseholdEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'buildingId' | 'room' | 'headResidentId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'uuid', nullable: true })
  buildingId: string | null = null;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'text' })
  room = '';

  @Property({ type: 'uuid', nullable: true })
  headResidentId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

@Entity({ tableName: 'resident' })
export class ResidentEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'householdId' | 'phoneEnc' | 'phoneIndex' | 'tags';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'uuid', nullable: true })
  householdId: string | null = null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  idNumberEnc!: string;

  @Property({ type: 'text' })
  idNumberIndex!: string;

  @Property({ type: 'text' })
  sex!: 'male' | 'female';

  @Property({ type: 'date' })
  birthDate!: string;

  @Property({ type: 'text', nullable: true })
  phoneEnc: string | null = null;

  @Property({ type: 'text', nullable: true })
  phoneIndex: string | null = null;

  @Property({ type: ArrayType })
  tags: ResidentTag[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

@Entity({ tableName: 'business' })
export class BusinessEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'contactName' | 'contactPhoneEnc' | 'contactPhoneIndex';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  gridCode!: string;

  @Property({ type: ArrayType })
  path!: string[];

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  creditCode!: string;

  @Property({ type: 'text', nullable: true })
  contactName: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactPhoneEnc: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactPhoneIndex: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}

/** One unmasked read of personal data: who, what, when, why. */
@Entity({ tableName: 'audit_log' })
export class AuditLogEntity {
  [OptionalProps]?: 'id' | 'at' | 'correlationId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: ArrayType })
  actorRoles!: string[];

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: ArrayType })
  fields!: string[];

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text', nullable: true })
  correlationId: string | null = null;
}

@Entity({ tableName: 'import_job' })
export class ImportJobEntity {
  [OptionalProps]?: 'status' | 'rowsTotal' | 'createdCount' | 'updatedCount' | 'unchangedCount' | 'rejectedCount' | 'rejections' | 'startedAt' | 'finishedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: ImportKind;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text' })
  status: 'running' | 'completed' | 'failed' = 'running';

  @Property({ type: 'int' })
  rowsTotal = 0;

  @Property({ type: 'int' })
  createdCount = 0;

  @Property({ type: 'int' })
  updatedCount = 0;

  @Property({ type: 'int' })
  unchangedCount = 0;

  @Property({ type: 'int' })
  rejectedCount = 0;

  @Property({ type: 'jsonb' })
  rejections: ImportRejection[] = [];

  @Property({ type: 'timestamptz' })
  startedAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}

export const REGISTER_ENTITIES = [BuildingEntity, HouseholdEntity, ResidentEntity, BusinessEntity, AuditLogEntity, ImportJobEntity];
