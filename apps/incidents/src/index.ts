/** The incidents app's module and config, for whole-platform tests and tools (never for other services). */
export * from './incidents-app.module';
export * from './incidents.config';
