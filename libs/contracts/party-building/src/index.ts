export * from './party-building.requests';
export * from './party-building.events';
export * from './party-building.errors';
export * from './organisations';
export * from './members';
export * from './ledger';
export * from './activities';
export * from './coverage';
