export * from './caller';
export * from './jwt';
export * from './http-auth';
