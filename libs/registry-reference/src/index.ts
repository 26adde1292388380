export * from './reference.entities';
export * from './registry-reference-tables.migration';
export * from './name-book';
export * from './reference.repository';
export * from './reference.subscriber';
export * from './registry-reference';
export * from './registry-reference.module';
export * from './registry-reference.settings';
