import { InitialSchema1763860000000 } from './1763860000000-initial-schema';

/** Every migration, oldest first. A new one is a timestamped file plus one line here. */
export const MIGRATIONS = [InitialSchema1763860000000];
