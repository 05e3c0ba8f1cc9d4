import { OAuthError } from '../errors/oauth.error';

const MAX_REPORTED_NAME = 40;

/**
 * The parameters of an OAuth endpoint request (RFC 6749 §3.2): each at most once, each a string.
 * An empty value counts as omitted (RFC 6749 §3.1); unknown parameters are ignored.
 */
export class OAuthParameters {
  private constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** From a parsed form-urlencoded or JSON body (fast-querystring turns a repeated name into an array). */
  static fromBody(body: unknown): OAuthParameters {
    if (body === undefined || body === null) return new OAuthParameters(new Map());
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw new OAuthError('invalid_request', 'The body must be application/x-www-form-urlencoded parameters');
    }
    const values = new Map<string, string>();
    for (const [name, value] of Object.entries(body)) {
      const shown = name.slice(0, MAX_REPORTED_NAME);
      if (Array.isArray(value)) throw new OAuthError('invalid_request', `Parameter "${shown}" is repeated`);
      if (typeof value !== 'string') throw new OAuthError('invalid_request', `Parameter "${shown}" must be a string`);
      if (value !== '') values.set(name, value);
    }
    return new OAuthParameters(values);
  }

  optional(name: string): string | undefined {
    return this.values.get(name);
  }

  required(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw new OAuthError('invalid_request', `Missing parameter "${name}"`);
    return value;
  }
}
