import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { requireRole, type Caller } from '@gridline/auth';
import type { AppealStatus, PublicAppealUpdateView, PublicAppealUpdatesQuery, Resolution } from '@gridline/contracts-hotline';
import { publishedAppealsSql } from '../../published-appeals';
import { CITIZEN_UPDATE } from '../../open311-update.entity';

const MAX = 1000;

interface UpdateRow {
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

/**
 * FixMyStreet's GET servicerequestupdates: the public steps of the appeals Open311 publishes, recorded within the
 * period, oldest first. Public means a change of status (the reply of an answer with it) and citizens' comments posted
 * through Open311 — never a step that changed no status (contact, extension, flag, supervision marks), never a
 * timeline comment (reasons, notes), the actor or the caller.
 */
@Injectable()
export class ListPublicAppealUpdatesUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute(caller: Caller, query: PublicAppealUpdatesQuery): Promise<PublicAppealUpdateView[]> {
    requireRole(caller, ['hotline_operator', 'street_admin', 'admin'], 'read appeal updates for Open311');
    const schema = this.em.config.get('schema');
    const published = publishedAppealsSql(caller, query.channels);
    const rows: UpdateRow[] = await this.em.execute(
      `select t.id, t.appeal_id, t.at, t.action, t.to_status, t.reply->>'text' as reply_text,
              case when t.to_status = 'answered' then coalesce(t.reply->>'resolution', case when t.action = ? then a.reply->>'resolution' end) end as resolution,
              a.merged_into, u.text, u.media_url
         from "${schema}"."appeal_timeline" t
         join "${schema}"."appeal" a on a.id = t.appeal_id
         left join "${schema}"."open311_update" u on u.timeline_id = t.id
        where ${published.sql}
          and t.at >= ? ${query.to ? 'and t.at <= ?' : ''}
          and (t.from_status is distinct from t.to_status or (t.action = ? and u.timeline_id is not null))
        order by t.at asc, t.id asc
        limit ? offset ?`,
      [CITIZEN_UPDATE, ...published.params, new Date(query.from), ...(query.to ? [new Date(query.to)] : []), CITIZEN_UPDATE, Math.min(query.limit ?? MAX, MAX), query.offset ?? 0],
    );
    return rows.map((r) => {
      const comment = r.action === CITIZEN_UPDATE;
      return {
        updateId: String(r.id),
        appealId: r.appeal_id,
        at: new Date(r.at).toISOString(),
        kind: comment ? 'comment' : 'step',
        action: r.action,
        status: r.to_status,
        replyText: comment ? null : r.reply_text,
        resolution: r.resolution,
        mergedInto: r.to_status === 'merged' ? r.merged_into : null,
        text: comment ? r.text : null,
        mediaUrl: comment ? r.media_url : null,
      };
    });
  }
}
