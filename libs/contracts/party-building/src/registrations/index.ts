export * from './registration.types';
export * from './registration.dto';
export * from './registration.events';
export * from './registration.requests';
export * from './registrations.client';
