export * from './ledger.types';
export * from './service-hours';
export * from './ledger.dto';
export * from './ledger.events';
export * from './ledger.requests';
export * from './ledger.client';
