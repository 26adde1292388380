import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CheckInCodeEntity } from './activity.entity';

/** The check-in codes of activities (hashes only) and the wrong codes members gave for them. */
@Injectable()
export class CheckInRepository {
  constructor(private readonly em: EntityManager) {}

  /** The code open now for the activity (none replaced it yet), if any. */
  current(activityId: string): Promise<CheckInCodeEntity | null> {
    return this.em.findOne(CheckInCodeEntity, { activityId, replacedAt: null });
  }

  /** The code of the activity with this hash (current, expired or replaced). */
  findByHash(activityId: string, codeHash: string): Promise<CheckInCodeEntity | null> {
    return this.em.findOne(CheckInCodeEntity, { activityId, codeHash });
  }

  /** A new current code: the one open before is marked replaced first (one current code per activity). */
  async open(data: { id: string; activityId: string; codeHash: string; openedBy: string; openedAt: Date; expiresAt: Date }): Promise<CheckInCodeEntity> {
    // Written at once, before the insert: the partial unique index allows one current code per activity.
    await this.em.nativeUpdate(CheckInCodeEntity, { activityId: data.activityId, replacedAt: null }, { replacedAt: data.openedAt });
    const code = this.em.create(CheckInCodeEntity, data);
    await this.em.persistAndFlush(code);
    return code;
  }

  /** How many wrong codes the member gave while `codeId` was current. */
  async wrong(codeId: string, memberId: string): Promise<number> {
    const rows = await this.em.execute<{ wrong: number }[]>(`select wrong from ${this.attempts()} where code_id = ? and member_id = ?`, [codeId, memberId]);
    return rows[0]?.wrong ?? 0;
  }

  /** Counts one more wrong code of the member against `codeId`; answers the new count. */
  async addWrong(codeId: string, memberId: string): Promise<number> {
    const rows = await this.em.execute<{ wrong: number }[]>(
      `insert into ${this.attempts()} as t (code_id, member_id, wrong) values (?, ?, 1)
       on conflict (code_id, member_id) do update set wrong = t.wrong + 1 returning t.wrong`,
      [codeId, memberId],
    );
    return rows[0].wrong;
  }

  private attempts(): string {
    return `"${this.em.config.get('schema')}".activity_check_in_attempt`;
  }
}
