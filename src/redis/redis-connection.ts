import { Inject } from '@nestjs/common';

/** The shared Redis connection, or null when REDIS_URL is not set (then each feature uses its fallback). */
export const REDIS = Symbol('REDIS');

export const InjectRedis = (): ParameterDecorator => Inject(REDIS);
