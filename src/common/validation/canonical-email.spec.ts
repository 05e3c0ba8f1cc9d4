import fc from 'fast-check';
import { canonicalEmail, hasAsciiDomain } from './canonical-email';

// Printable ASCII letters, digits and a few address punctuation marks.
const ASCII_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789.-_+';

/** A spelling of one ASCII character that NFKC maps back to it (or to its lower case). */
const variantOf = (char: string): fc.Arbitrary<string> => {
  const variants = [char, char.toUpperCase(), String.fromCodePoint(char.codePointAt(0)! - 0x20 + 0xff00)];
  // Mathematical bold small letters (U+1D41A...) are NFKC-equivalent to a...z.
  if (/[a-z]/.test(char)) variants.push(String.fromCodePoint(0x1d41a + char.charCodeAt(0) - 97));
  return fc.constantFrom(...variants);
};

const spellingOf = (text: string): fc.Arbitrary<string> =>
  fc.tuple(...[...text].map(variantOf)).map((chars) => chars.join(''));

const localPart = fc.string({ unit: fc.constantFrom(...ASCII_CHARS), minLength: 1, maxLength: 20 });
const label = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 12,
});

describe('canonicalEmail', () => {
  it('maps every NFKC-equivalent or case variant spelling of an address to one form', () => {
    const address = fc.tuple(localPart, label, label).map(([local, name, tld]) => `${local}@${name}.${tld}`);
    fc.assert(
      fc.property(
        address.chain((plain) =>
          fc.tuple(fc.constant(plain), spellingOf(plain.split('@')[0]), spellingOf(plain.split('@')[1])),
        ),
        ([plain, local, domain]) => {
          expect(canonicalEmail(`${local}＠${domain}`)).toBe(plain);
          expect(canonicalEmail(`${local}@${domain}`)).toBe(plain);
        },
      ),
    );
  }, 30_000);

  it('keeps look-alike letters from other scripts apart, with the domain as punycode', () => {
    expect(canonicalEmail('victim@exаmple.com')).toBe('victim@xn--exmple-4nf.com'); // Cyrillic а
    expect(canonicalEmail('victím@example.com')).toBe('victím@example.com');
    expect(canonicalEmail('Ada@Bücher.DE')).toBe('ada@xn--bcher-kva.de');
  });

  it('never reads a numeric domain as an IP address (found by the property above)', () => {
    expect(canonicalEmail('A@1.0')).toBe('a@1.0');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (value) => canonicalEmail(canonicalEmail(value)) === canonicalEmail(value)));
  });
});

describe('hasAsciiDomain', () => {
  it('accepts ASCII domains, Unicode domains and real A-labels', () => {
    for (const email of ['ada@example.test', 'ada@bücher.de', 'ada@xn--bcher-kva.de', 'ada@XN--BCHER-KVA.DE']) {
      expect(hasAsciiDomain(email)).toBe(true);
    }
  });

  it('refuses an xn-- label that is not punycode, on every Node version', () => {
    for (const email of ['ada@xn--zz.test', 'ada@a.xn--.test', 'ada@XN--ZZ.test', 'ada@xn--a.test']) {
      expect(hasAsciiDomain(email)).toBe(false);
    }
  });

  it('refuses an address without a domain', () => {
    expect(hasAsciiDomain('ada')).toBe(false);
  });
});
