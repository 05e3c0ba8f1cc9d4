import type { TokenResponse } from './token-response';

interface MemberSchema {
  type: 'string' | 'integer';
}

/**
 * Every member of TokenResponse: the mapped type makes a member added there a compile error until it is added
 * here too, since Fastify's serializer leaves out whatever its schema does not name.
 */
const MEMBERS: Record<keyof Required<TokenResponse>, MemberSchema> = {
  access_token: { type: 'string' },
  token_type: { type: 'string' },
  expires_in: { type: 'integer' },
  refresh_token: { type: 'string' },
  scope: { type: 'string' },
  id_token: { type: 'string' },
  id_token_type: { type: 'string' },
  issued_token_type: { type: 'string' },
};

/**
 * The 200 response of POST /oauth/token (RFC 6749 §5.1) for Fastify's response serializer: compiled once
 * at start into a function that writes the JSON directly, instead of JSON.stringify walking each response.
 */
export const TOKEN_RESPONSE_SCHEMA = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in', 'scope'],
  properties: MEMBERS,
};
