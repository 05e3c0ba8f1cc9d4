export type DomainErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable';

/** A rule of the domain was broken; services throw it, the global filter turns it into HTTP. */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';

  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';

  constructor(message: string) {
    super('conflict', message);
  }
}

export function domainErrorStatus(kind: DomainErrorKind): number {
  switch (kind) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unavailable':
      return 503;
  }
}
