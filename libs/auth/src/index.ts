export * from './caller';
export * from './jwt';
