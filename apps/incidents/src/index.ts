/** The incidents app's module and config, for whole-platform tests and tools (never for other services). */
export * from './incidents-app.module';
export * from './incidents.config';
export * from './incident/use-cases/open-case-from-appeal/open-case-from-appeal.command';
export * from './incident/use-cases/open-case-from-appeal/open-case-from-appeal.use-case';
export * from './discussions/discussion-task.scheduler';
