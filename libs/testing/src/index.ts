export * from './test-env';
export * from './eventually';
export * from './test-service';
export * from './tokens';
export * from './unit-factory';
export * from './nats-server';
export * from './test-platform';
export * from './photo-fixtures';
