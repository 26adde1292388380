export * from './overview/overview.types';
export * from './hotline-figures/hotline-figures.types';
export * from './party-figures/party-figures.dto';
export * from './party-figures/party-figures.types';
export * from './analytics.errors';
export * from './analytics.requests';
export * from './analytics.events';
export * from './analytics.client';
