export * from './overview';
export * from './hotline-figures';
export * from './analytics.client';
