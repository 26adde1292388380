export * from './coverage.types';
export * from './coverage.dto';
export * from './coverage.requests';
export * from './coverage.client';
