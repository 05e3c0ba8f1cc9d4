import { Transform } from 'class-transformer';
import { isEmail, ValidateBy, ValidationOptions } from 'class-validator';
import { canonicalEmail, hasAsciiDomain } from './canonical-email';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `@IsEmail()` that first refuses strings with a lone UTF-16 surrogate (JSON allows "\ud800"): validator's
 * isEmail passes them to encodeURI, whose URIError would otherwise surface as a 500. A domain with no
 * IDNA ASCII form (RFC 5891) is refused too: it could not be stored in canonical form.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value) && hasAsciiDomain(value),
        defaultMessage: () => '$property must be an email',
      },
    },
    options,
  );
}

/** Puts an email field in its canonical form (see canonicalEmail) before it is validated or used. */
export function ToCanonicalEmail(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && !LONE_SURROGATE.test(value) ? canonicalEmail(value) : value,
  );
}
