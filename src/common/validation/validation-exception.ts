import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** Names worth echoing back; anything else (a whole JSON document sent as a form field name) is not. */
const ECHOABLE_PROPERTY = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * The global ValidationPipe's error: every failing field, as Nest lists them, except that an unknown
 * property with an odd name is not quoted back (it can be a whole body, password included, and huge).
 */
export function validationException(errors: ValidationError[]): BadRequestException {
  return new BadRequestException(errors.flatMap((error) => messagesOf(error, '')));
}

function messagesOf(error: ValidationError, parentPath: string): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => {
    if (constraint === 'whitelistValidation' && !ECHOABLE_PROPERTY.test(path)) {
      return `an unexpected property (a name of ${path.length} characters) should not exist`;
    }
    return parentPath ? `${parentPath}.${message}` : message;
  });
  return [...own, ...(error.children ?? []).flatMap((child) => messagesOf(child, path))];
}
