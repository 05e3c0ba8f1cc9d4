import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ScopesService } from '../scopes/scopes.service';
import { GrantRegistry } from './grants/grant-registry';
import { SigningKeysService } from './keys/signing-keys.service';

/**
 * RFC 8414 §2 authorization server metadata, which is also the OpenID Connect Discovery 1.0 §3 provider
 * metadata: one document, served at both well-known paths.
 */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  revocation_endpoint: string;
  introspection_endpoint: string;
  scopes_supported: string[];
  response_types_supported: string[];
  response_modes_supported: string[];
  grant_types_supported: string[];
  subject_types_supported: string[];
  id_token_signing_alg_values_supported: string[];
  code_challenge_methods_supported: string[];
  claims_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  revocation_endpoint_auth_methods_supported: string[];
  introspection_endpoint_auth_methods_supported: string[];
  authorization_response_iss_parameter_supported: boolean;
  service_documentation: string;
}

const SECRET_METHODS = ['client_secret_basic', 'client_secret_post'];

/** What ID tokens and userinfo can say (OpenID Connect Core §2, §5.1; the organization claims). */
const CLAIMS_SUPPORTED = [
  'iss',
  'sub',
  'aud',
  'azp',
  'exp',
  'iat',
  'auth_time',
  'at_hash',
  'nonce',
  'amr',
  'sid',
  'name',
  'updated_at',
  'email',
  'email_verified',
  'org_id',
  'org',
  'org_roles',
];

@Injectable()
export class MetadataService {
  constructor(
    private readonly config: AppConfig,
    private readonly scopes: ScopesService,
    private readonly grants: GrantRegistry,
    private readonly signingKeys: SigningKeysService,
  ) {}

  async document(): Promise<AuthorizationServerMetadata> {
    const issuer = this.config.issuer;
    // Admin-only scopes are not advertised: no ordinary client can obtain them.
    const scopes = (await this.scopes.findAll()).filter((scope) => !scope.adminOnly).map((scope) => scope.name);
    return {
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      end_session_endpoint: `${issuer}/oauth/logout`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      scopes_supported: scopes,
      // The authorization endpoint serves the code flow only, answering in the query (RFC 9700 §2.1.2).
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: this.grants.types(),
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: this.signingKeys.algorithms(),
      code_challenge_methods_supported: ['S256'],
      claims_supported: CLAIMS_SUPPORTED,
      token_endpoint_auth_methods_supported: [...SECRET_METHODS, 'none'],
      revocation_endpoint_auth_methods_supported: [...SECRET_METHODS, 'none'],
      introspection_endpoint_auth_methods_supported: SECRET_METHODS,
      // RFC 9207 §3.
      authorization_response_iss_parameter_supported: true,
      service_documentation: `${issuer}/docs`,
    };
  }
}
