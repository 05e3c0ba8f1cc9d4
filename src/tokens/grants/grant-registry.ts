import { Inject, Injectable } from '@nestjs/common';
import type { Grant } from './grant.interface';

/** The injection token of the list of grant instances (built from GRANTS in TokensModule). */
export const GRANT_HANDLERS = Symbol('GRANT_HANDLERS');

/** Finds the grant for a `grant_type`; no if/else on names. */
@Injectable()
export class GrantRegistry {
  private readonly byType: ReadonlyMap<string, Grant>;

  constructor(@Inject(GRANT_HANDLERS) grants: Grant[]) {
    this.byType = new Map(grants.map((grant) => [grant.type, grant]));
  }

  find(type: string): Grant | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}
