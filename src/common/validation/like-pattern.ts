/** The LIKE escape character: `!` is a single character in both SQLite's and MySQL's string syntax. */
export const LIKE_ESCAPE = '!';

/** Escapes LIKE wildcards so user input matches literally; use with `ESCAPE '!'`. */
export function likePattern(literal: string): string {
  return literal.replace(/[!%_]/g, (character) => `${LIKE_ESCAPE}${character}`);
}
