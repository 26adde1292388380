import { Injectable } from '@nestjs/common';
import { AppError } from '@gridline/platform';
import { Open311ErrorCode, type RecordOpen311MediaRequest } from '@gridline/contracts-hotline';
import { Open311Repository } from '../../open311.repository';
import type { RecordOpen311MediaCommand } from './record-open311-media.command';

/** Keeps the media URL of an appeal that an Open311 client submitted — only that client, only its own appeals. */
@Injectable()
export class RecordOpen311MediaUseCase {
  constructor(private readonly open311: Open311Repository) {}

  async execute({ caller, media: { appealId, mediaUrl } }: RecordOpen311MediaCommand): Promise<RecordOpen311MediaRequest> {
    const appeal = await this.open311.findAppeal({ id: appealId });
    if (!appeal || appeal.channel !== 'open311' || appeal.operator !== caller.sub) {
      throw new AppError(Open311ErrorCode.NotOpen311Appeal, 'forbidden', `Appeal ${appealId} was not submitted by you through Open311`, { appealId });
    }
    await this.open311.recordMedia(appealId, mediaUrl, new Date());
    return { appealId, mediaUrl };
  }
}
