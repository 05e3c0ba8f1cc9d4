import type { FastifyRequest } from 'fastify';
import { areaOf, clientIdOf } from './rate-limit-rules';

const requestWith = (headers: Record<string, string>, body?: unknown): FastifyRequest =>
  ({ headers, body }) as unknown as FastifyRequest;

describe('areaOf', () => {
  it.each([
    ['POST', '/oauth/token', 'oauth'],
    ['POST', '/oauth/revoke', 'oauth'],
    ['POST', '/users', 'signup'],
    ['GET', '/users/me', undefined],
    ['GET', '/clients', 'portal'],
    ['DELETE', '/clients/:clientId', 'portal'],
    ['GET', '/clientsx', undefined],
    ['POST', undefined, undefined],
    ['GET', '/health', undefined],
    ['GET', '/.well-known/jwks.json', undefined],
  ])('%s %s -> %s', (method, route, area) => {
    expect(areaOf(method, route)).toBe(area);
  });
});

describe('clientIdOf', () => {
  const basic = (value: string): string => `Basic ${Buffer.from(value).toString('base64')}`;

  it('reads the client_id from HTTP Basic, form-urlencoded (RFC 6749 §2.3.1)', () => {
    expect(clientIdOf(requestWith({ authorization: basic('my%20app:secret') }))).toBe('my app');
  });

  it('reads it from the body otherwise', () => {
    expect(clientIdOf(requestWith({}, { client_id: 'portal' }))).toBe('portal');
  });

  it('gives nothing for no, empty or non-string ids, and survives bad encodings', () => {
    expect(clientIdOf(requestWith({}))).toBeUndefined();
    expect(clientIdOf(requestWith({}, { client_id: '' }))).toBeUndefined();
    expect(clientIdOf(requestWith({}, { client_id: ['a', 'b'] }))).toBeUndefined();
    expect(clientIdOf(requestWith({ authorization: basic(':secret') }))).toBeUndefined();
    expect(clientIdOf(requestWith({ authorization: basic('%E0%A4%A:x') }))).toBe('%E0%A4%A');
  });

  it('caps very long ids so they cannot bloat the counter keys', () => {
    expect(clientIdOf(requestWith({}, { client_id: 'x'.repeat(10_000) }))).toHaveLength(128);
  });
});
