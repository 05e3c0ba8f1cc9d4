import { Reflector } from '@nestjs/core';

/** Opens a route (or a controller) that the global bearer guard would otherwise close. */
export const Public = Reflector.createDecorator<boolean>({ transform: () => true });
