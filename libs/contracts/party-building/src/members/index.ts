export * from './member.types';
export * from './member.dto';
export * from './member.events';
export * from './member.requests';
export * from './members.client';
