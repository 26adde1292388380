/** The analytics app's module and config, for whole-platform tests and tools (never for other services). */
export * from './analytics-app.module';
export * from './analytics.config';
export * from './rebuild/projection-rebuild';
export { CandidateDetector } from './candidates/candidate.detector';
export { ProjectionsReadiness } from './candidates/projections-readiness';
