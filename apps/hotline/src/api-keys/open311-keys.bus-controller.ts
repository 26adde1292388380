import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { HOTLINE_REQUESTS, IssueOpen311KeyRequest, VerifyOpen311KeyRequest } from '@gridline/contracts-hotline';
import { IssueOpen311KeyCommand } from './use-cases/issue-open311-key/issue-open311-key.command';
import { IssueOpen311KeyUseCase } from './use-cases/issue-open311-key/issue-open311-key.use-case';
import { VerifyOpen311KeyQuery } from './use-cases/verify-open311-key/verify-open311-key.query';
import { VerifyOpen311KeyUseCase } from './use-cases/verify-open311-key/verify-open311-key.use-case';

/** Open311 client applications' API keys on the bus. */
@Controller()
export class Open311KeysBusController {
  constructor(
    private readonly issueKey: IssueOpen311KeyUseCase,
    private readonly verifyKey: VerifyOpen311KeyUseCase,
  ) {}

  @MessagePattern(HOTLINE_REQUESTS.issueOpen311Key.pattern)
  @Idempotent()
  issue(@Payload() request: IssueOpen311KeyRequest, @BusCaller() caller: Caller) {
    return this.issueKey.execute(new IssueOpen311KeyCommand(caller, request));
  }

  @MessagePattern(HOTLINE_REQUESTS.verifyOpen311Key.pattern)
  verify(@Payload() { apiKey }: VerifyOpen311KeyRequest, @BusCaller() caller: Caller) {
    return this.verifyKey.execute(new VerifyOpen311KeyQuery(caller, apiKey));
  }
}
