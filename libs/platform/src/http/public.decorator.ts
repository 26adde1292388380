import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'gridline:public';

/** Marks a route that needs no token (health, docs, explicitly public routes). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
