export * from './orm-options';
export * from './schema-migration';
export * from './migrate';
export * from './database-readiness.check';
export * from './pg-array';
