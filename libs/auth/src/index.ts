export * from './caller';
export * from './jwt';
export * from './http-auth';
export * from './require-role';
export * from './caller-assertion';
export * from './register-access';
export * from './owner-handlers';
export * from './role-lists';
