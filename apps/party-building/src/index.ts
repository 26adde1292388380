/** The party-building app's module and config, for whole-platform tests and tools (never for other services). */
export * from './party-building-app.module';
export * from './party-building.config';
