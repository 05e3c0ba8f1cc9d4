import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BasicStrategy } from 'passport-http';
import { OAuthError } from '../common/errors/oauth.error';

export const CLIENT_BASIC_STRATEGY = 'client-basic';

/** The client id and secret as presented, before any lookup. */
export interface PresentedClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * client_secret_basic (RFC 6749 §2.3.1): passport-http reads the Basic header; the id and secret inside
 * it are application/x-www-form-urlencoded, so they are decoded here. Checking them is the service's job.
 */
@Injectable()
export class ClientBasicStrategy extends PassportStrategy(BasicStrategy, CLIENT_BASIC_STRATEGY) {
  constructor() {
    super({ realm: 'oauth' });
  }

  validate(userid: string, password: string): PresentedClientCredentials {
    return { clientId: formDecode(userid), clientSecret: formDecode(password) };
  }
}

export function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_client', 'The Basic credentials are not form-urlencoded', { basicAuthUsed: true });
  }
}
