import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRole } from '@gridline/auth';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { TransactionRunner } from '@gridline/persistence';
import { Open311ErrorCode, type Open311UpdateRecorded } from '@gridline/contracts-hotline';
import type { Open311UpdateEntity } from '../../open311-update.entity';
import { Open311Repository } from '../../open311.repository';
import { publishedAppeals } from '../../published-appeals';
import type { RecordOpen311UpdateCommand } from './record-open311-update.command';

const OPEN311_CALLER = /^open311:(.+)$/;

/**
 * FixMyStreet's POST servicerequestupdates: a citizen's comment on a request Open311 publishes, recorded on the appeal's
 * timeline (actor `open311:<application>`) for its operators and handlers to read. It changes nothing else — a closed
 * appeal is not reopened (the callback decides that), the status the client sends is kept, never acted upon — and it
 * raises no event. The same client update id from the same application is the same update: a retry answers the first.
 */
@Injectable()
export class RecordOpen311UpdateUseCase {
  constructor(
    private readonly open311: Open311Repository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute({ caller, update: request }: RecordOpen311UpdateCommand): Promise<Open311UpdateRecorded> {
    requireRole(caller, ['hotline_operator'], 'comment on a request through Open311');
    const application = OPEN311_CALLER.exec(caller.sub)?.[1];
    if (!application) throw new AppError(CommonErrorCode.Forbidden, 'forbidden', 'Only an Open311 client application posts citizens’ updates');
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([request.appealId, request.text, request.mediaUrl ?? null]))
      .digest('hex');
    try {
      return await this.transactions.run(async () => {
        const earlier = request.clientUpdateId ? await this.open311.findUpdate(application, request.clientUpdateId) : null;
        if (earlier) return this.replay(earlier, fingerprint);
        const appeal = await this.open311.findAppeal({ $and: [{ id: request.appealId }, ...publishedAppeals(caller, request.channels)] });
        if (!appeal) throw new AppError(Open311ErrorCode.RequestNotFound, 'not_found', `service_request_id ${request.appealId} was not found`, { appealId: request.appealId });
        // What the handlers read on the timeline: the citizen's words, and the photo's address when one was sent.
        const comment = request.mediaUrl ? `${request.text}\n【照片】${request.mediaUrl}` : request.text;
        const updateId = await this.open311.addCitizenUpdate(appeal, caller.sub, comment, {
          application,
          clientUpdateId: request.clientUpdateId ?? null,
          text: request.text,
          mediaUrl: request.mediaUrl ?? null,
          writtenAt: new Date(request.writtenAt),
          clientStatus: request.clientStatus ?? null,
          fingerprint,
        });
        return { updateId, appealId: appeal.id, appealStatus: appeal.status, replayed: false };
      });
    } catch (error) {
      // The same update posted twice at once: the other one was recorded first, this is its retry.
      if (!(error instanceof UniqueConstraintViolationException) || !request.clientUpdateId) throw error;
      const earlier = await this.open311.findUpdate(application, request.clientUpdateId);
      if (!earlier) throw error;
      return this.replay(earlier, fingerprint);
    }
  }

  private async replay(earlier: Open311UpdateEntity, fingerprint: string): Promise<Open311UpdateRecorded> {
    if (earlier.fingerprint !== fingerprint) {
      throw new AppError(Open311ErrorCode.UpdateIdReused, 'conflict', `update_id ${earlier.clientUpdateId} was given before to another update`, { clientUpdateId: earlier.clientUpdateId });
    }
    const appeal = await this.open311.findAppeal({ id: earlier.appealId });
    return { updateId: String(earlier.timelineId), appealId: earlier.appealId, appealStatus: appeal!.status, replayed: true };
  }
}
