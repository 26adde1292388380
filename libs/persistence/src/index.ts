export * from './orm-options';
export * from './schema-migration';
export * from './migrate';
export * from './database-readiness.check';
export * from './pg-array';
export * from './personal-data/personal-data-cipher';
export * from './personal-data/personal-data.config';
export * from './personal-data/masking';
