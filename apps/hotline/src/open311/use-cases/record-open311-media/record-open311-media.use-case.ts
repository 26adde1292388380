import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { Open311ErrorCode, type RecordOpen311MediaRequest } from '@gridline/contracts-hotline';
import { AppealEntity } from '../../../appeal/appeal.entity';
import { Open311MediaEntity } from '../../open311-media.entity';

/** Keeps the media URL of an appeal that an Open311 client submitted — only that client, only its own appeals. */
@Injectable()
export class RecordOpen311MediaUseCase {
  constructor(private readonly em: EntityManager) {}

  async execute(caller: Caller, { appealId, mediaUrl }: RecordOpen311MediaRequest): Promise<RecordOpen311MediaRequest> {
    const appeal = await this.em.findOne(AppealEntity, { id: appealId });
    if (!appeal || appeal.channel !== 'open311' || appeal.operator !== caller.sub) {
      throw new AppError(Open311ErrorCode.NotOpen311Appeal, 'forbidden', `Appeal ${appealId} was not submitted by you through Open311`, { appealId });
    }
    await this.em.upsert(Open311MediaEntity, { appealId, mediaUrl, recordedAt: new Date() });
    return { appealId, mediaUrl };
  }
}
