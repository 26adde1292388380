export * from './incident/incident.types';
export * from './incident/incident.dto';
export * from './incident/incident.events';
export * from './incidents.contract';
export * from './incidents.client';
