export * from './snapshot.types';
export * from './snapshot.dto';
export * from './snapshot.requests';
export * from './snapshot.client';
