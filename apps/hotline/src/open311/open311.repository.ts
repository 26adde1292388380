import { Injectable } from '@nestjs/common';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import type { AppealChannel, AppealStatus, Resolution } from '@gridline/contracts-hotline';
import { AppealEntity, AppealTimelineEntity } from '../appeal/appeal.entity';
import { Open311MediaEntity } from './open311-media.entity';
import { CITIZEN_UPDATE, Open311UpdateEntity } from './open311-update.entity';
import { publishedAppealsSql } from './published-appeals';

/** A public step or comment of a published appeal, as the updates query reads it. */
export interface PublicUpdateRow {
  id: string;
  appeal_id: string;
  at: Date;
  action: string;
  to_status: AppealStatus;
  reply_text: string | null;
  resolution: Resolution | null;
  merged_into: string | null;
  text: string | null;
  media_url: string | null;
}

/** What a citizen's comment records beside its timeline entry. */
export type CitizenUpdate = Pick<Open311UpdateEntity, 'application' | 'clientUpdateId' | 'text' | 'mediaUrl' | 'writtenAt' | 'clientStatus' | 'fingerprint'>;

/** What Open311 reads of the appeals and adds to them: media, citizens' comments, the public updates. */
@Injectable()
export class Open311Repository {
  constructor(private readonly em: EntityManager) {}

  findAppeal(where: FilterQuery<AppealEntity>): Promise<AppealEntity | null> {
    return this.em.findOne(AppealEntity, where);
  }

  publishedAppeals(where: FilterQuery<AppealEntity>, page: { limit: number; offset: number }): Promise<AppealEntity[]> {
    return this.em.find(AppealEntity, where, { orderBy: { receivedAt: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset });
  }

  /** The media URL of each appeal that has one. */
  async mediaOf(appealIds: string[]): Promise<Map<string, string>> {
    const media = await this.em.find(Open311MediaEntity, { appealId: { $in: appealIds } });
    return new Map(media.map((m) => [m.appealId, m.mediaUrl]));
  }

  async recordMedia(appealId: string, mediaUrl: string, at: Date): Promise<void> {
    await this.em.upsert(Open311MediaEntity, { appealId, mediaUrl, recordedAt: at });
  }

  findUpdate(application: string, clientUpdateId: string): Promise<Open311UpdateEntity | null> {
    return this.em.findOne(Open311UpdateEntity, { application, clientUpdateId });
  }

  /** A citizen's comment: its timeline entry (the status unchanged) and its row; answers the entry's id, the update_id. */
  async addCitizenUpdate(appeal: AppealEntity, actor: string, comment: string, update: CitizenUpdate): Promise<string> {
    const entry = this.em.create(AppealTimelineEntity, { appealId: appeal.id, action: CITIZEN_UPDATE, actor, fromStatus: appeal.status, toStatus: appeal.status, comment });
    await this.em.persist(entry).flush();
    this.em.persist(this.em.create(Open311UpdateEntity, { timelineId: entry.id, appealId: appeal.id, ...update }));
    await this.em.flush();
    return String(entry.id);
  }

  /**
   * The public steps (a change of status, with an answer's reply) and the citizens' comments of the appeals published
   * to `caller` through `channels`, recorded in [from, to], oldest first.
   */
  publicUpdates(caller: Caller, channels: AppealChannel[] | undefined, period: { from: Date; to?: Date }, page: { limit: number; offset: number }): Promise<PublicUpdateRow[]> {
    const schema = this.em.config.get('schema');
    const published = publishedAppealsSql(caller, channels);
    return this.em.execute(
      `select t.id, t.appeal_id, t.at, t.action, t.to_status, t.reply->>'text' as reply_text,
              case when t.to_status = 'answered' then coalesce(t.reply->>'resolution', case when t.action = ? then a.reply->>'resolution' end) end as resolution,
              a.merged_into, u.text, u.media_url
         from "${schema}"."appeal_timeline" t
         join "${schema}"."appeal" a on a.id = t.appeal_id
         left join "${schema}"."open311_update" u on u.timeline_id = t.id
        where ${published.sql}
          and t.at >= ? ${period.to ? 'and t.at <= ?' : ''}
          and (t.from_status is distinct from t.to_status or (t.action = ? and u.timeline_id is not null))
        order by t.at asc, t.id asc
        limit ? offset ?`,
      [CITIZEN_UPDATE, ...published.params, period.from, ...(period.to ? [period.to] : []), CITIZEN_UPDATE, page.limit, page.offset],
    );
  }
}
