import { Injectable } from '@nestjs/common';
import { APPEAL_TAKERS, requireRole } from '@gridline/auth';
import { pageOffset } from '@gridline/platform';
import { OPEN311_MAX_PAGE_SIZE, type PublicAppealUpdateView } from '@gridline/contracts-hotline';
import { CITIZEN_UPDATE } from '../../open311-update.entity';
import { Open311Repository } from '../../open311.repository';
import type { ListPublicAppealUpdatesQuery } from './list-public-appeal-updates.query';

/**
 * FixMyStreet's GET servicerequestupdates: the public steps of the appeals Open311 publishes, recorded within the
 * period, oldest first. Public means a change of status (the reply of an answer with it) and citizens' comments posted
 * through Open311 — never a step that changed no status (contact, extension, flag, supervision marks), never a
 * timeline comment (reasons, notes), the actor or the caller.
 */
@Injectable()
export class ListPublicAppealUpdatesUseCase {
  constructor(private readonly open311: Open311Repository) {}

  async execute({ caller, filter: query }: ListPublicAppealUpdatesQuery): Promise<PublicAppealUpdateView[]> {
    requireRole(caller, APPEAL_TAKERS, 'read appeal updates for Open311');
    const rows = await this.open311.publicUpdates(caller, query.channels, { from: new Date(query.from), ...(query.to ? { to: new Date(query.to) } : {}) }, pageOffset(query, OPEN311_MAX_PAGE_SIZE));
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
