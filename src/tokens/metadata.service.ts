import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ScopesService } from '../scopes/scopes.service';
import { GrantRegistry } from './grants/grant-registry';

/** RFC 8414 §2 authorization server metadata. */
export interface AuthorizationServerMetadata {
  issuer: string;
  token_endpoint: string;
  jwks_uri: string;
  revocation_endpoint: string;
  introspection_endpoint: string;
  grant_types_supported: string[];
  response_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  revocation_endpoint_auth_methods_supported: string[];
  introspection_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
  service_documentation: string;
}

const SECRET_METHODS = ['client_secret_basic', 'client_secret_post'];

@Injectable()
export class MetadataService {
  constructor(
    private readonly config: AppConfig,
    private readonly scopes: ScopesService,
    private readonly grants: GrantRegistry,
  ) {}

  async document(): Promise<AuthorizationServerMetadata> {
    const issuer = this.config.issuer;
    // Admin-only scopes are not advertised: no ordinary client can obtain them.
    const scopes = (await this.scopes.findAll()).filter((scope) => !scope.adminOnly).map((scope) => scope.name);
    return {
      issuer,
      token_endpoint: `${issuer}/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      grant_types_supported: this.grants.types(),
      // No authorization endpoint: none of the grants here uses one (RFC 8414 §2 still wants the member).
      response_types_supported: [],
      token_endpoint_auth_methods_supported: [...SECRET_METHODS, 'none'],
      revocation_endpoint_auth_methods_supported: [...SECRET_METHODS, 'none'],
      introspection_endpoint_auth_methods_supported: SECRET_METHODS,
      scopes_supported: scopes,
      service_documentation: `${issuer}/docs`,
    };
  }
}
