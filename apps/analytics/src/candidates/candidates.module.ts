import { Module, type DynamicModule } from '@nestjs/common';
import { PartyFiguresModule } from '../party/party-figures.module';
import { CandidateDetector, CANDIDATE_DETECTOR_SETTINGS, type CandidateDetectorSettings } from './candidate.detector';
import { CandidateOutcomeSubscriber } from './candidate-outcome.subscriber';
import { CandidateRepository } from './candidate.repository';
import { ProjectionsReadiness } from './projections-readiness';
import { CandidatesBusController } from './candidates.bus-controller';
import { DeleteCandidateRulesUseCase } from './use-cases/delete-candidate-rules/delete-candidate-rules.use-case';
import { DismissCandidateUseCase } from './use-cases/dismiss-candidate/dismiss-candidate.use-case';
import { GetCandidateUseCase } from './use-cases/get-candidate/get-candidate.use-case';
import { GetCandidateRulesUseCase } from './use-cases/get-candidate-rules/get-candidate-rules.use-case';
import { LiftCandidateUseCase } from './use-cases/lift-candidate/lift-candidate.use-case';
import { ListCandidatesUseCase } from './use-cases/list-candidates/list-candidates.use-case';
import { PutCandidateRulesUseCase } from './use-cases/put-candidate-rules/put-candidate-rules.use-case';
import { RecordDiscussionOutcomeUseCase } from './use-cases/record-discussion-outcome/record-discussion-outcome.use-case';

/**
 * The 3+N candidates (未诉先办): the detector over the case projection, the rules, the street grid centre's list,
 * dismissal and lifting (`candidate.*` events), and the outcome of the discussions from incidents.
 */
@Module({})
export class CandidatesModule {
  /** `scanMs` 0: the detector does not run by itself (tests call `scan`). */
  static register({ scanMs, autoStart, readyPollMs = 2_000 }: { scanMs: number; autoStart: boolean; readyPollMs?: number }): DynamicModule {
    const settings: CandidateDetectorSettings = { scanMs, readyPollMs, pollMs: scanMs > 0 ? scanMs : 60_000, batchSize: 1, autoStart: autoStart && scanMs > 0 };
    return {
      module: CandidatesModule,
      imports: [PartyFiguresModule],
      controllers: [CandidatesBusController],
      providers: [
        { provide: CANDIDATE_DETECTOR_SETTINGS, useValue: settings },
        CandidateRepository,
        ProjectionsReadiness,
        CandidateDetector,
        CandidateOutcomeSubscriber,
        GetCandidateRulesUseCase,
        PutCandidateRulesUseCase,
        DeleteCandidateRulesUseCase,
        ListCandidatesUseCase,
        GetCandidateUseCase,
        DismissCandidateUseCase,
        LiftCandidateUseCase,
        RecordDiscussionOutcomeUseCase,
      ],
    };
  }
}
