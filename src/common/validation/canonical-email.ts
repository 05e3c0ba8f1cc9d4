import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * The one form of an email address that sign-up, uniqueness, sign-in lookups and brute-force counters
 * all use, compared byte for byte (the users.email column is binary on MySQL/MariaDB):
 * - Unicode NFKC (UAX #15), so fullwidth and other compatibility spellings are one address;
 * - lower-cased (Unicode default case mapping), so case never makes a second account;
 * - the domain in its IDNA ASCII form (UTS #46 / RFC 5891 A-labels), so a look-alike domain from another
 *   script stays a different address and shows to admins as the punycode it is.
 * A domain that has no ASCII form is left as typed (lower-cased): it cannot match a stored address,
 * since sign-up refuses it.
 */
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

export function canonicalEmail(raw: string): string {
  const folded = raw.trim().normalize('NFKC').toLowerCase().normalize('NFKC');
  const at = folded.lastIndexOf('@');
  if (at < 0) return folded;
  const local = folded.slice(0, at);
  const domain = folded.slice(at + 1);
  // An ASCII domain is already in its final form; domainToASCII would also read `1.0` as an IPv4 address.
  const ascii = ASCII.test(domain) ? domain : domainToASCII(domain);
  return `${local}@${ascii === '' ? domain : ascii}`;
}

/**
 * Whether the domain of an address has an IDNA ASCII form (what `canonicalEmail` stores) and every
 * `xn--` label in it is real punycode. Node 20 refuses an undecodable A-label in domainToASCII; Node 22+
 * passes it through unchanged, and leaves it undecoded in domainToUnicode, which is what catches it.
 */
export function hasAsciiDomain(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const domain = email.slice(at + 1);
  if (domainToASCII(domain) === '') return false;
  const unicode = domainToUnicode(domain);
  return unicode !== '' && !unicode.split('.').some((label) => label.toLowerCase().startsWith('xn--'));
}
