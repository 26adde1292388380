import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { AppealHandoffFailure, AppealTimelineDetails, AppealChannel, AppealOwner, AppealReview, AppealStatus, AppealType, AppealUrgency, Resolution, Satisfaction } from '@gridline/contracts-hotline';

/** A citizen's appeal to 12345. The caller's name and phone exist here only encrypted (and the phone's keyed hash). */
@Entity({ tableName: 'appeal' })
export class AppealEntity {
  [OptionalProps]?: 'updatedAt' | 'version' | 'receivedAt' | 'reopenCount' | 'returnCount' | 'extensionCount' | 'coOwners' | 'anonymous' | 'flagged' | 'handoffCount' | 'dueProvisional';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  /** The readable work-order number (12345-YYYYMMDD-NNNNNN), unique per China day of reception. */
  @Property({ type: 'text' }) workOrder!: string;
  @Property({ type: 'text' }) status!: AppealStatus;
  @Property({ type: 'text' }) channel!: AppealChannel;
  @Property({ type: 'text' }) type!: AppealType;
  @Property({ type: 'text', nullable: true }) callerNameEnc: string | null = null;
  @Property({ type: 'text', nullable: true }) callerPhoneEnc: string | null = null;
  @Property({ type: 'text', nullable: true }) callerPhoneIndex: string | null = null;
  @Property({ type: 'boolean' }) anonymous = false;
  @Property({ type: 'boolean' }) flagged = false;
  @Property({ type: 'text' }) content!: string;
  @Property({ type: 'text', nullable: true }) categoryCode: string | null = null;
  @Property({ type: 'double', nullable: true }) lat: number | null = null;
  @Property({ type: 'double', nullable: true }) lng: number | null = null;
  @Property({ type: 'text', nullable: true }) address: string | null = null;
  @Property({ type: 'text', nullable: true }) gridCode: string | null = null;
  /** The grid's path when located, else the street of the operator: scope. */
  @Property({ type: ArrayType }) path!: string[];
  @Property({ type: 'text' }) urgency!: AppealUrgency;
  @Property({ type: 'text' }) operator!: string;
  @Property({ type: 'jsonb', nullable: true }) lead: AppealOwner | null = null;
  /** The lead owner's department or unit code, for the unit figures. */
  @Property({ type: 'text', nullable: true }) leadKey: string | null = null;
  @Property({ type: 'jsonb' }) coOwners: AppealOwner[] = [];
  @Property({ type: 'uuid', nullable: true }) incidentId: string | null = null;
  @Property({ type: 'text', nullable: true }) incidentStatus: string | null = null;
  /** Grid hand-offs so far; the current one's number (0: never handed down to a grid). */
  @Property({ type: 'int' }) handoffCount = 0;
  @Property({ type: 'jsonb', nullable: true }) handoffFailure: AppealHandoffFailure | null = null;
  /** An owner's return or objection waiting for the dispatcher, or the last one decided. */
  @Property({ type: 'jsonb', nullable: true }) review: AppealReview | null = null;
  @Property({ type: 'timestamptz', nullable: true }) dispatchDueAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) dispatchedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) signDueAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) signedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) contactDueAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) contactedAt: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) answerDueAt: Date | null = null;
  /** Whether `answerDueAt` was counted through a provisional calendar year: it may move once the notice is loaded. */
  @Property({ type: 'boolean' }) dueProvisional = false;
  @Property({ type: 'timestamptz', nullable: true }) answeredAt: Date | null = null;
  @Property({ type: 'jsonb', nullable: true }) reply: { resolution: Resolution; text: string } | null = null;
  @Property({ type: 'text', nullable: true }) satisfaction: Satisfaction | null = null;
  /** The extension the lead owner asked for, until the hotline decides it. */
  @Property({ type: 'jsonb', nullable: true }) extension: { until: string; reason: string; by: string; at: string } | null = null;
  @Property({ type: 'int' }) reopenCount = 0;
  @Property({ type: 'int' }) returnCount = 0;
  @Property({ type: 'int' }) extensionCount = 0;
  @Property({ type: 'uuid', nullable: true }) mergedInto: string | null = null;
  /** Supervision (the scheduler's own): when to look next, the version it looked at, the deadlines it marked. */
  @Property({ type: 'timestamptz', nullable: true }) nextCheckAt: Date | null = null;
  @Property({ type: 'int', nullable: true }) checkedVersion: number | null = null;
  @Property({ type: 'timestamptz', nullable: true }) remindedFor: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) dispatchOverdueFor: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) signOverdueFor: Date | null = null;
  @Property({ type: 'timestamptz', nullable: true }) answerOverdueFor: Date | null = null;
  @Property({ type: 'timestamptz' }) receivedAt: Date = new Date();
  @Property({ type: 'timestamptz' }) updatedAt: Date = new Date();
  @Property({ type: 'int', version: true }) version!: number;
}

@Entity({ tableName: 'appeal_timeline' })
export class AppealTimelineEntity {
  [OptionalProps]?: 'id' | 'at' | 'comment' | 'fromStatus' | 'details' | 'reply';

  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'uuid' }) appealId!: string;
  @Property({ type: 'timestamptz' }) at: Date = new Date();
  @Property({ type: 'text' }) action!: string;
  @Property({ type: 'text' }) actor!: string;
  @Property({ type: 'text', nullable: true }) fromStatus: AppealStatus | null = null;
  @Property({ type: 'text' }) toStatus!: AppealStatus;
  @Property({ type: 'text', nullable: true }) comment: string | null = null;
  /** What the step decided (an extension's dates, a category's change), where the next person needs it. */
  @Property({ type: 'jsonb', nullable: true }) details: AppealTimelineDetails | null = null;
  /** The reply to the caller given at this step (answer steps only): public, unlike the comment (Open311 updates). */
  @Property({ type: 'jsonb', nullable: true }) reply: { resolution: Resolution; text: string } | null = null;
}
