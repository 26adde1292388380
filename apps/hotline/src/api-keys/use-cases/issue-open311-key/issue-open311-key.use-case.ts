import { Injectable } from '@nestjs/common';
import { requireRole } from '@gridline/auth';
import type { Open311KeyIssued } from '@gridline/contracts-hotline';
import { hashApiKey, newApiKey } from '../../open311-key';
import { Open311KeyRepository } from '../../open311-key.repository';
import type { IssueOpen311KeyCommand } from './issue-open311-key.command';

/** Issues an Open311 client application its API key (admins only); issuing again replaces the old key. */
@Injectable()
export class IssueOpen311KeyUseCase {
  constructor(private readonly keys: Open311KeyRepository) {}

  async execute({ caller, key: { application } }: IssueOpen311KeyCommand): Promise<Open311KeyIssued> {
    requireRole(caller, ['admin'], 'issue Open311 API keys');
    const apiKey = newApiKey();
    const issuedAt = new Date();
    const { replaced } = await this.keys.upsert(application, hashApiKey(apiKey), caller.sub, issuedAt);
    return { application, apiKey, issuedAt: issuedAt.toISOString(), replaced };
  }
}
