import fc from 'fast-check';
import type { RawRequest } from './fuzz-http';

/** How many generated cases each fuzz property runs: FUZZ_RUNS multiplies the CI default. */
export function fuzzRuns(ciDefault: number): number {
  const factor = Number(process.env.FUZZ_RUNS ?? '1');
  return Math.max(1, Math.round(ciDefault * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/** Injection strings, encodings and unicode that have broken parsers, validators and ORMs before. */
export const ADVERSARIAL_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT sleep(5) --',
  "admin@example.test' --",
  "%' OR 1=1 #",
  "\\'; DELETE FROM clients; --",
  "x' UNION SELECT password_hash, email FROM users --",
  '`id`',
  '{"$ne": null}',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"admin":true}}',
  '[object Object]',
  'undefined',
  'null',
  'NaN',
  '-1',
  '1e309',
  '9007199254740993',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%ZZ',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\u202Eevil\u202C',
  'e\u0301\u0302\u0303\u0304',
  '👩‍👩‍👧‍👦',
  '\uFEFF',
  '\u200B\u200C\u200D',
  'İı ß ǅ',
  'مرحبا بالعالم',
  '\r\nX-Injected: 1',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '{{7*7}}',
  ' ',
  '\t\n',
  'Bearer',
  'password',
  'refresh_token',
  'client_credentials',
  'portal',
  'admin',
  'contacts.read contacts.write admin',
  'admin@example.test',
  'ADMIN@EXAMPLE.TEST',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ADVERSARIAL_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom('\uD800', '\uDC00', '\u0000', '%', '&', '=', '+', ';', '"', '\\', 'a', ' ', '\u0301'),
      maxLength: 24,
    }),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '💥', '%', "'"), fc.integer({ min: 250, max: 6000 }))
      .map(([unit, times]) => unit.repeat(times)),
    weight: 1,
  },
);

/** Anything JSON can carry where a string is expected. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 6 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.array(nastyString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
);

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

export const fieldName = (known: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 4 },
    { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 2 },
    { arbitrary: nastyString, weight: 2 },
  );

export type Pair = [string, unknown];

export type Encoding = 'form' | 'json' | 'text' | 'bytes' | 'multipart' | 'none' | 'huge' | 'broken-json';

/** RFC 3986 percent-encoding of the UTF-8 bytes (lone surrogates become U+FFFD, as Buffer encodes them). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

type FormStyle = 'percent' | 'raw' | 'bad-escapes';

const formBody = (pairs: Pair[], style: FormStyle): Buffer => {
  if (style === 'raw') {
    return Buffer.from(pairs.map(([name, value]) => `${name}=${asText(value)}`).join('&'), 'utf8');
  }
  const text = pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(asText(value))}`).join('&');
  // Invalid UTF-8 (a lone continuation byte, an overlong '/', a UTF-16 surrogate) and broken escapes.
  return Buffer.from(style === 'bad-escapes' ? `${text}&%80=%C0%AF&x=%ED%A0%80%FF&%G1=%` : text, 'latin1');
};

const jsonBody = (pairs: Pair[]): Buffer =>
  // Written by hand so that "__proto__" is a real key of the text, as an attacker would send it.
  Buffer.from(`{${pairs.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',')}}`);

const multipartBody = (pairs: Pair[]): Buffer =>
  Buffer.from(
    pairs
      .map(([name, value]) => `--xyz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${asText(value)}\r\n`)
      .join('') + '--xyz--\r\n',
  );

export const MATCHING_CONTENT_TYPE: Record<Encoding, string | undefined> = {
  form: 'application/x-www-form-urlencoded',
  json: 'application/json',
  text: 'text/plain',
  bytes: 'application/octet-stream',
  multipart: 'multipart/form-data; boundary=xyz',
  none: undefined,
  huge: 'application/x-www-form-urlencoded',
  'broken-json': 'application/json',
};

const ODD_CONTENT_TYPES = [
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/x-www-form-urlencoded; charset=ISO-8859-1',
  'application/x-www-form-urlencoded; charset=utf-16',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'application/json; charset=utf-16le',
  'application/json; charset=nonsense',
  'Application/Json',
  'application/json, application/x-www-form-urlencoded',
  'application/merge-patch+json',
  'text/plain; charset=utf-8',
  'text/html',
  'multipart/form-data',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/octet-stream',
  '*/*',
  '',
  ';',
  'application/',
  'x'.repeat(2000),
];

/** A header value Node's HTTP client accepts (tab, printable ASCII, Latin-1), from any string. */
export const headerSafe = (value: string): string => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

/**
 * Node refuses a request line plus headers over 16 KiB before the app sees it (a 431, or a reset while the
 * client still writes): tested on its own. The generated parts stay under it together.
 */
export const MAX_AUTHORIZATION = 8000;
const MAX_QUERY = 2000;
const MAX_OTHER_HEADER = 800;

const base64 = (value: string): string => Buffer.from(value, 'utf8').toString('base64');

/** Garbage, odd Basic and Bearer credentials, and huge values, for an Authorization header. */
export const oddAuthorization: fc.Arbitrary<string> = fc
  .oneof(
    fc.tuple(nastyString, nastyString).map(([id, secret]) => `Basic ${base64(`${id}:${secret}`)}`),
    fc.tuple(nastyString, nastyString).map(([id, secret]) => `Basic ${base64(`${percentEncode(id)}:${secret}`)}`),
    nastyString.map((value) => `Basic ${base64(value)}`),
    fc.constantFrom(
      'Basic',
      'Basic ',
      'Basic ====',
      'Basic %%%',
      'Basic Og==',
      `Basic ${base64('%ZZ:%')}`,
      `Basic ${base64('portal:')}`,
      `Basic ${base64(':secret')}`,
      `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0xc0, 0xaf]).toString('base64')}`,
      'basic cG9ydGFsOng=',
      'Bearer',
      'Bearer ',
      'bearer  x y',
      'Bearer a.b.c',
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
      'Digest username="x"',
      'Negotiate YII=',
      ', ,',
    ),
    nastyString.map((value) => `Bearer ${headerSafe(value)}`),
    nastyString.map(headerSafe),
    fc
      .tuple(fc.constantFrom('Basic ', 'Bearer '), fc.integer({ min: 500, max: 12_000 }))
      .map(([scheme, length]) => `${scheme}${'A'.repeat(length)}`),
  )
  .map((value) => value.slice(0, MAX_AUTHORIZATION));

export interface BodyChoice {
  encoding: Encoding;
  formStyle: FormStyle;
  contentType: string | undefined;
  /** The declared content type is the encoding's own, and a form is cleanly percent-encoded. */
  matching: boolean;
}

/** How a list of parameters travels: encoding, form style and declared content type. */
export const bodyChoice = (validEncodings: Encoding[]): fc.Arbitrary<BodyChoice> =>
  fc
    .record({
      encoding: fc.oneof(
        { arbitrary: fc.constantFrom(...validEncodings), weight: 12 },
        {
          arbitrary: fc.constantFrom<Encoding>('form', 'json', 'text', 'bytes', 'multipart', 'none', 'broken-json'),
          weight: 5,
        },
        { arbitrary: fc.constant<Encoding>('huge'), weight: 1 },
      ),
      formStyle: fc.oneof(
        { arbitrary: fc.constant<FormStyle>('percent'), weight: 6 },
        { arbitrary: fc.constantFrom<FormStyle>('raw', 'bad-escapes'), weight: 2 },
      ),
      contentType: fc.oneof(
        { arbitrary: fc.constant<string | undefined>('matching'), weight: 12 },
        { arbitrary: fc.constantFrom<string | undefined>(...ODD_CONTENT_TYPES, undefined), weight: 3 },
        { arbitrary: nastyString.map((value) => headerSafe(value).slice(0, MAX_OTHER_HEADER)), weight: 1 },
      ),
    })
    .map(({ encoding, formStyle, contentType }) => {
      const matching = contentType === 'matching';
      return {
        encoding,
        formStyle,
        contentType: matching ? MATCHING_CONTENT_TYPE[encoding] : contentType,
        matching: matching && (encoding !== 'form' || formStyle === 'percent'),
      };
    });

/** Sizes just under and past the 64 KiB OAuth limit and the 1 MiB global limit. */
const HUGE_SIZES = [63 * 1024, 64 * 1024 + 1, 200 * 1024, 1024 * 1024 - 100, 1024 * 1024 + 10];

export const hugeSize = fc.constantFrom(...HUGE_SIZES);

/** The bytes of a body, from the parameters and the chosen encoding. */
export function encodeBody(
  pairs: Pair[],
  choice: BodyChoice,
  extra: { bytes: Uint8Array; text: string; hugeSize: number },
): Buffer | undefined {
  switch (choice.encoding) {
    case 'form':
      return formBody(pairs, choice.formStyle);
    case 'json':
      return jsonBody(pairs);
    case 'broken-json':
      return Buffer.concat([jsonBody(pairs).subarray(0, -1), Buffer.from(extra.text)]);
    case 'text':
      return Buffer.from(extra.text, 'utf8');
    case 'bytes':
      return Buffer.from(extra.bytes);
    case 'multipart':
      return multipartBody(pairs);
    case 'none':
      return undefined;
    case 'huge':
      return Buffer.concat([formBody(pairs, 'percent'), Buffer.from(`&pad=${'x'.repeat(extra.hugeSize)}`)]);
  }
}

/** Raw bytes with the sequences UTF-8 decoders get wrong: overlong forms, surrogates, NUL, BOMs. */
export const oddBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.constantFrom(
    Uint8Array.from([0xc0, 0xaf]),
    Uint8Array.from([0xe0, 0x80, 0xaf]),
    Uint8Array.from([0xed, 0xa0, 0x80]),
    Uint8Array.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
    Uint8Array.from([0xff, 0xfe, 0x00, 0x7b, 0x00, 0x7d]),
    Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    Uint8Array.from([0x00, 0x00, 0x00]),
  ),
);

/** A valid request to mutate: its parameters and, when it uses one, its Authorization header. */
export interface Template {
  name: string;
  params: Record<string, unknown>;
  authorization?: string;
  /** The encodings in which the template is valid, when not the route's. */
  encodings?: Encoding[];
  /** Parameters that must differ on every request (a new email), merged over `params`. */
  fresh?: () => Record<string, unknown>;
  /** False when the template is not valid by itself (e.g. a refresh token that may be spent already). */
  alwaysValid?: boolean;
}

export type Mutation =
  | { kind: 'drop'; index: number }
  | { kind: 'set'; index: number; value: unknown }
  | { kind: 'add'; name: string; value: unknown }
  | { kind: 'repeat'; index: number; value: unknown }
  | { kind: 'authorization'; value: string | undefined };

export const mutation = (knownFields: string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
    fc.record({ kind: fc.constant('set' as const), index: fc.nat(), value: nastyValue }),
    fc.record({ kind: fc.constant('add' as const), name: fieldName(knownFields), value: nastyValue }),
    fc.record({ kind: fc.constant('repeat' as const), index: fc.nat(), value: nastyValue }),
    fc.record({
      kind: fc.constant('authorization' as const),
      value: fc.option(oddAuthorization, { nil: undefined }),
    }),
  );

/** Applies mutations to a template's parameters; returns the parameter list and Authorization header. */
export function mutate(
  template: Template,
  mutations: Mutation[],
): { pairs: Pair[]; authorization: string | undefined } {
  const pairs: Pair[] = Object.entries(template.params);
  let { authorization } = template;
  for (const change of mutations) {
    if (change.kind === 'add') pairs.push([change.name, change.value]);
    else if (change.kind === 'authorization') authorization = change.value;
    else if (pairs.length > 0) {
      const at = change.index % pairs.length;
      if (change.kind === 'drop') pairs.splice(at, 1);
      else if (change.kind === 'set') pairs[at] = [pairs[at][0], change.value];
      else pairs.push([pairs[at][0], change.value]);
    }
  }
  return { pairs, authorization };
}

export interface FuzzCase {
  request: RawRequest;
  /** Built from a template without any change: the documented success is expected. */
  pristine: boolean;
  template: string;
}

/**
 * Cases for one route: a valid template, mutated (or not), or parameters from scratch; encoded in
 * any body encoding under any content type, with odd headers now and then.
 */
export function requestCases(options: {
  method: 'POST' | 'GET';
  path: string;
  templates: Template[];
  knownFields: string[];
  validEncodings: Encoding[];
}): fc.Arbitrary<FuzzCase> {
  const { method, path, templates, knownFields, validEncodings } = options;
  const fromScratch: Template = { name: 'scratch', params: {}, alwaysValid: false };
  return fc
    .record({
      template: fc.oneof(
        { arbitrary: fc.constantFrom(...templates), weight: 3 },
        { arbitrary: fc.constant(fromScratch), weight: 1 },
      ),
      mutations: fc.oneof(
        { arbitrary: fc.constant<Mutation[]>([]), weight: 1 },
        { arbitrary: fc.array(mutation(knownFields), { minLength: 1, maxLength: 4 }), weight: 3 },
      ),
      choice: bodyChoice(validEncodings),
      bytes: oddBytes,
      text: nastyString,
      hugeSize,
      queryPairs: fc.oneof(
        { arbitrary: fc.constant<Pair[]>([]), weight: 6 },
        { arbitrary: fc.array(fc.tuple(fieldName(knownFields), nastyValue), { maxLength: 3 }), weight: 1 },
      ),
      extraHeaders: fc.oneof(
        { arbitrary: fc.constant<Record<string, string>>({}), weight: 8 },
        {
          arbitrary: fc.dictionary(
            fc.constantFrom('x-forwarded-for', 'accept', 'accept-charset', 'origin', 'x-request-id', 'cookie'),
            nastyString.map((value) => headerSafe(value).slice(0, MAX_OTHER_HEADER)),
            { maxKeys: 3 },
          ),
          weight: 1,
        },
      ),
    })
    .map(({ template, mutations, choice, bytes, text, hugeSize: size, queryPairs, extraHeaders }) => {
      const fresh = template.fresh ? { ...template, params: { ...template.params, ...template.fresh() } } : template;
      const { pairs, authorization } = mutate(fresh, mutations);
      const get = method === 'GET';
      // A GET route takes its parameters in the query string; a POST route may get odd ones there too.
      const query = [...(get ? pairs : []), ...queryPairs]
        .map(([name, value]) => `${percentEncode(name)}=${percentEncode(asText(value))}`)
        .join('&')
        .slice(0, MAX_QUERY);
      const headers: Record<string, string> = { ...extraHeaders };
      const body = get ? undefined : encodeBody(pairs, choice, { bytes, text, hugeSize: size });
      if (!get && choice.contentType !== undefined) headers['content-type'] = choice.contentType;
      if (authorization !== undefined) headers.authorization = authorization;
      const wellEncoded = get || (choice.matching && (template.encodings ?? validEncodings).includes(choice.encoding));
      const pristine =
        template.alwaysValid !== false &&
        mutations.length === 0 &&
        queryPairs.length === 0 &&
        Object.keys(extraHeaders).length === 0 &&
        wellEncoded;
      return {
        request: { method, path: query ? `${path}?${query}` : path, headers, body },
        pristine,
        template: template.name,
      };
    });
}
