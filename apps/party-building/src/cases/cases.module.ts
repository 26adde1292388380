import { Module } from '@nestjs/common';
import { CaseHandoff } from './case-handoff';
import { CaseHandoffRepository } from './case-handoff.repository';

/** Hand-offs of party-building records to incidents as grid cases (`CaseHandoff`), for every feature that opens cases. */
@Module({
  providers: [CaseHandoffRepository, CaseHandoff],
  exports: [CaseHandoff],
})
export class CasesModule {}
