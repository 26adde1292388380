export * from './overview';
export * from './analytics.client';
