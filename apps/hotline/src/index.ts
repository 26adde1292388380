/** The hotline app's module and config, for whole-platform tests and tools (never for other services). */
export * from './hotline-app.module';
export * from './hotline.config';
