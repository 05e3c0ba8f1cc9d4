/** The names of the OpenAPI security schemes: a leaf, so route decorators and the document share them. */

/** Bearer access tokens from the token endpoint (the password flow in Swagger UI). */
export const OAUTH2_SECURITY_SCHEME = 'oauth2';

/** Client authentication at the OAuth endpoints: HTTP Basic with client_id and client_secret. */
export const CLIENT_BASIC_SECURITY_SCHEME = 'basic';
