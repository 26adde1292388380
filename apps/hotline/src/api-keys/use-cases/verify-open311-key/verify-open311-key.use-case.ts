import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import { AppError } from '@gridline/platform';
import { Open311ErrorCode, type Open311Application } from '@gridline/contracts-hotline';
import { hashApiKey } from '../../open311-key';
import { Open311KeyRepository } from '../../open311-key.repository';
import type { VerifyOpen311KeyQuery } from './verify-open311-key.query';

/** Names the client application an API key was issued to; an unknown or replaced key is refused. */
@Injectable()
export class VerifyOpen311KeyUseCase {
  constructor(private readonly keys: Open311KeyRepository) {}

  async execute({ caller, apiKey }: VerifyOpen311KeyQuery): Promise<Open311Application> {
    requireRole(caller, ['hotline_operator', 'admin'], 'check Open311 API keys');
    const key = await this.keys.findByHash(hashApiKey(apiKey));
    if (!key) throw new AppError(Open311ErrorCode.KeyInvalid, 'forbidden', 'Invalid api_key received');
    return { application: key.application };
  }
}
