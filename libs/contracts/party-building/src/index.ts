export * from './party-building.requests';
export * from './party-building.events';
