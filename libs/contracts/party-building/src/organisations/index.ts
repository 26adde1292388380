export * from './organisation.types';
export * from './organisation.dto';
export * from './organisation.events';
export * from './organisation.requests';
export * from './organisations.client';
export * from './officer.types';
export * from './officer.dto';
