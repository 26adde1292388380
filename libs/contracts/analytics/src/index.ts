export * from './overview/overview.types';
export * from './hotline-figures/hotline-figures.types';
export * from './analytics.requests';
export * from './analytics.events';
export * from './analytics.client';
