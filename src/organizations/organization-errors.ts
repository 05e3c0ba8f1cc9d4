import { ConflictError, DomainError, NotFoundError } from '../common/errors/domain.error';
import type { OrganizationRole } from './organization-role';

/** A non-member gets exactly this for every organization route: never a hint that the organization exists. */
export class OrganizationNotFoundError extends NotFoundError {
  constructor() {
    super('Organization');
  }
}

/** A member whose role is too weak for the action (403: they know the organization exists). */
export class OrganizationRoleError extends DomainError {
  constructor(required: OrganizationRole) {
    super('forbidden', `This needs the organization role ${required}`);
  }
}

export class LastOwnerError extends ConflictError {
  constructor() {
    super('The last owner of an organization cannot leave it or give up the owner role');
  }
}
