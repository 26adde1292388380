export * from './appeal/appeal.types';
export * from './appeal/appeal.dto';
export * from './appeal/appeal.events';
export * from './hotline.contract';
export * from './hotline.client';
export * from './open311/open311.types';
export * from './open311/open311.dto';
export * from './open311/open311.client';
