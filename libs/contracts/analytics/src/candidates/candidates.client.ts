import { Injectable } from '@nestjs/common';
import { BusRequester } from '@gridline/messaging/contracts';
import type { Caller } from '@gridline/auth';
import { ANALYTICS_REQUESTS } from '../analytics.requests';
import type { CandidateRulesQuery, DismissCandidateBody, ListCandidatesQuery, PutCandidateRulesRequest } from './candidates.dto';
import type { CandidatePage, CandidateRulesView, CandidateView } from './candidates.types';

/** The 3+N candidates (未诉先办) and their detection rules, over the bus. */
@Injectable()
export class CandidatesClient {
  constructor(private readonly bus: BusRequester) {}

  /** A street's rules (`street`: default the caller's street; `*` the platform default). */
  rules(caller: Caller, query: CandidateRulesQuery = {}): Promise<CandidateRulesView> {
    return this.bus.request(ANALYTICS_REQUESTS.candidateRules, query, { caller });
  }

  putRules(caller: Caller, request: PutCandidateRulesRequest): Promise<CandidateRulesView> {
    return this.bus.request(ANALYTICS_REQUESTS.putCandidateRules, request, { caller });
  }

  /** Returns a street to the platform default rules (idempotent); answers the rules it now uses (`source: default`). */
  deleteRules(caller: Caller, query: CandidateRulesQuery = {}): Promise<CandidateRulesView> {
    return this.bus.request(ANALYTICS_REQUESTS.deleteCandidateRules, query, { caller });
  }

  list(caller: Caller, query: ListCandidatesQuery): Promise<CandidatePage> {
    return this.bus.request(ANALYTICS_REQUESTS.listCandidates, query, { caller });
  }

  get(caller: Caller, id: string): Promise<CandidateView> {
    return this.bus.request(ANALYTICS_REQUESTS.getCandidate, { id }, { caller });
  }

  dismiss(caller: Caller, id: string, body: DismissCandidateBody): Promise<CandidateView> {
    return this.bus.request(ANALYTICS_REQUESTS.dismissCandidate, { id, body }, { caller });
  }

  lift(caller: Caller, id: string): Promise<CandidateView> {
    return this.bus.request(ANALYTICS_REQUESTS.liftCandidate, { id }, { caller });
  }
}
