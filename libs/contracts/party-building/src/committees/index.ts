export * from './committee.types';
export * from './committee.dto';
export * from './committee.events';
export * from './committee.requests';
export * from './committees.client';
