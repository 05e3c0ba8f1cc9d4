import { validate } from 'class-validator';
import { IsEmailAddress } from './is-email-address.decorator';

class Subject {
  @IsEmailAddress()
  email!: unknown;
}

const errorsFor = async (email: unknown): Promise<string[]> => {
  const subject = Object.assign(new Subject(), { email });
  return (await validate(subject)).flatMap((error) => Object.values(error.constraints ?? {}));
};

describe('IsEmailAddress', () => {
  it('accepts an email address', async () => {
    expect(await errorsFor('ada@example.com')).toEqual([]);
    expect(await errorsFor('ada.lovelace+notes@example.co.uk')).toEqual([]);
  });

  it.each(['a\uD83Db', 'ada\uDC00@example.com', '\uD800@example.com', 'not an email', 42, null])(
    'refuses %j with a message instead of throwing',
    async (value) => {
      expect(await errorsFor(value)).toEqual(['email must be an email']);
    },
  );
});
