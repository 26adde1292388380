export * from './activity.types';
export * from './activity.dto';
export * from './activity.events';
export * from './activity.requests';
export * from './activities.client';
