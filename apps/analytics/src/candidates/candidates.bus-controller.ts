import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BusCaller, Idempotent } from '@gridline/messaging';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS, CandidateIdRequest, CandidateRulesQuery, DismissCandidateRequest, ListCandidatesQuery as ListCandidatesRequest, PutCandidateRulesRequest } from '@gridline/contracts-analytics';
import { DeleteCandidateRulesCommand } from './use-cases/delete-candidate-rules/delete-candidate-rules.command';
import { DeleteCandidateRulesUseCase } from './use-cases/delete-candidate-rules/delete-candidate-rules.use-case';
import { DismissCandidateCommand } from './use-cases/dismiss-candidate/dismiss-candidate.command';
import { DismissCandidateUseCase } from './use-cases/dismiss-candidate/dismiss-candidate.use-case';
import { GetCandidateUseCase } from './use-cases/get-candidate/get-candidate.use-case';
import { GetCandidateRulesQuery } from './use-cases/get-candidate-rules/get-candidate-rules.query';
import { GetCandidateRulesUseCase } from './use-cases/get-candidate-rules/get-candidate-rules.use-case';
import { LiftCandidateUseCase } from './use-cases/lift-candidate/lift-candidate.use-case';
import { ListCandidatesQuery } from './use-cases/list-candidates/list-candidates.query';
import { ListCandidatesUseCase } from './use-cases/list-candidates/list-candidates.use-case';
import { PutCandidateRulesCommand } from './use-cases/put-candidate-rules/put-candidate-rules.command';
import { PutCandidateRulesUseCase } from './use-cases/put-candidate-rules/put-candidate-rules.use-case';

@Controller()
export class CandidatesBusController {
  constructor(
    private readonly getRules: GetCandidateRulesUseCase,
    private readonly putRules: PutCandidateRulesUseCase,
    private readonly deleteRules: DeleteCandidateRulesUseCase,
    private readonly listCandidates: ListCandidatesUseCase,
    private readonly getCandidate: GetCandidateUseCase,
    private readonly dismissCandidate: DismissCandidateUseCase,
    private readonly liftCandidate: LiftCandidateUseCase,
  ) {}

  @MessagePattern(ANALYTICS_REQUESTS.candidateRules.pattern)
  rules(@Payload() { street }: CandidateRulesQuery, @BusCaller() caller: Caller) {
    return this.getRules.execute(new GetCandidateRulesQuery(caller, street));
  }

  @MessagePattern(ANALYTICS_REQUESTS.putCandidateRules.pattern)
  put(@Payload() request: PutCandidateRulesRequest, @BusCaller() caller: Caller) {
    return this.putRules.execute(new PutCandidateRulesCommand(caller, request));
  }

  @MessagePattern(ANALYTICS_REQUESTS.deleteCandidateRules.pattern)
  delete(@Payload() { street }: CandidateRulesQuery, @BusCaller() caller: Caller) {
    return this.deleteRules.execute(new DeleteCandidateRulesCommand(caller, street));
  }

  @MessagePattern(ANALYTICS_REQUESTS.listCandidates.pattern)
  list(@Payload() query: ListCandidatesRequest, @BusCaller() caller: Caller) {
    return this.listCandidates.execute(new ListCandidatesQuery(caller, query));
  }

  @MessagePattern(ANALYTICS_REQUESTS.getCandidate.pattern)
  get(@Payload() { id }: CandidateIdRequest, @BusCaller() caller: Caller) {
    return this.getCandidate.execute(caller, id);
  }

  @MessagePattern(ANALYTICS_REQUESTS.dismissCandidate.pattern)
  @Idempotent()
  dismiss(@Payload() { id, body }: DismissCandidateRequest, @BusCaller() caller: Caller) {
    return this.dismissCandidate.execute(new DismissCandidateCommand(caller, id, body.reason));
  }

  @MessagePattern(ANALYTICS_REQUESTS.liftCandidate.pattern)
  @Idempotent()
  lift(@Payload() { id }: CandidateIdRequest, @BusCaller() caller: Caller) {
    return this.liftCandidate.execute(caller, id);
  }
}
