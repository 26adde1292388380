/** The registry app's module and config, for whole-platform tests and tools (never for other services). */
export * from './registry-app.module';
export * from './registry.config';
