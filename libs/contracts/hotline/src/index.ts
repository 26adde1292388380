export * from './appeal/appeal.types';
export * from './appeal/appeal.dto';
export * from './appeal/appeal.events';
export * from './hotline.contract';
export * from './hotline.client';
