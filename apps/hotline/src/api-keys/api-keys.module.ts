import { Module } from '@nestjs/common';
import { Open311KeyRepository } from './open311-key.repository';
import { Open311KeysBusController } from './open311-keys.bus-controller';
import { IssueOpen311KeyUseCase } from './use-cases/issue-open311-key/issue-open311-key.use-case';
import { VerifyOpen311KeyUseCase } from './use-cases/verify-open311-key/verify-open311-key.use-case';

/** Open311 client applications' API keys. */
@Module({
  controllers: [Open311KeysBusController],
  providers: [Open311KeyRepository, IssueOpen311KeyUseCase, VerifyOpen311KeyUseCase],
})
export class ApiKeysModule {}
