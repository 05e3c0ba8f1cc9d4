import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is on its way out. While draining, /health answers 503 so a load balancer
 * stops sending new requests, and every request already sent is still served.
 */
@Injectable()
export class DrainState {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  startDraining(): void {
    this.draining = true;
  }
}
