import type { ValueTransformer } from 'typeorm';

/** Stores a list of scope or grant names as the space-delimited string OAuth itself uses. */
export const spaceDelimited: ValueTransformer = {
  to: (value: string[] | undefined | null) => (value ? value.join(' ') : value),
  from: (value: string | null) => (value ? value.split(' ').filter(Boolean) : []),
};
