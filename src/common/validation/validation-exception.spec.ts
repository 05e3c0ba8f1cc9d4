import { ValidationError } from 'class-validator';
import { validationException } from './validation-exception';

function anError(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validationException', () => {
  it('lists every failing field, nested ones with their path', () => {
    const exception = validationException([
      anError('email', { isEmail: 'email must be an email' }),
      anError('address', {}, [anError('city', { isString: 'city must be a string' })]),
      anError('extra', { whitelistValidation: 'property extra should not exist' }),
    ]);
    expect(exception.getResponse()).toMatchObject({
      statusCode: 400,
      message: ['email must be an email', 'address.city must be a string', 'property extra should not exist'],
    });
  });

  it('does not quote back an unknown property with an odd name, such as a JSON body sent as a form', () => {
    const name = '{"email":"a@example.test","password":"hunter2-secret"}';
    const exception = validationException([
      anError(name, { whitelistValidation: `property ${name} should not exist` }),
    ]);
    const { message } = exception.getResponse() as { message: string[] };
    expect(message).toEqual([`an unexpected property (a name of ${name.length} characters) should not exist`]);
    expect(JSON.stringify(message)).not.toContain('hunter2');
  });
});
