import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DrainState } from './drain-state';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Stops without failing a request: first /health turns 503 for `drainMs` (the balancer takes the
 * instance out of rotation while it still serves), then Fastify stops accepting and finishes the
 * requests in flight, then Nest closes the database pool and Redis.
 */
export function stopGracefullyOnSignals(app: INestApplication, drainMs: number): void {
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    stopping ??= drain(app, drainMs).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stop);
}

async function drain(app: INestApplication, drainMs: number): Promise<void> {
  app.get(DrainState).startDraining();
  if (drainMs > 0) await sleep(drainMs);
  await app.close();
}
