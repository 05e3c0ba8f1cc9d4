import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/** Deeper than any body this API takes (a few levels), far shallower than what overflows a validator. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses JSON bodies with Fastify's own parser (prototype-poisoning checks included), after refusing
 * text nested deeper than MAX_JSON_DEPTH with a 400. The check scans the text once, before any object
 * is built: a deeply nested body costs neither a parse nor a stack overflow in validation. No body
 * limit is given here, so each route's own limit applies (a parser's limit would override it).
 */
export function limitJsonDepth(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(new BadRequestException(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}

/**
 * Whether JSON text opens more than `limit` arrays or objects inside one another (RFC 8259 §9 lets a
 * parser limit nesting). Brackets inside strings do not count; malformed text is left to the parser.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
