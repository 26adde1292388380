export * from './station.types';
export * from './station.dto';
export * from './station.events';
export * from './station.requests';
export * from './stations.client';
