export * from './unit.types';
export * from './unit.dto';
export * from './boundary.validator';
export * from './registry.events';
export * from './registry.requests';
export * from './registry.errors';
export * from './registry.client';
