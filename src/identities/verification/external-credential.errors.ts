/** Why an external credential was refused; written to the audit log (never the credential itself). */
export type RefusalReason =
  | 'malformed'
  | 'unknown_issuer'
  | 'unknown_provider'
  | 'unsupported_token_type'
  | 'algorithm_not_allowed'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'expired'
  | 'not_yet_valid'
  | 'invalid_claims'
  | 'replayed'
  | 'invalid_token'
  | 'other_app'
  | 'not_linked'
  | 'account_disabled';

/** The credential is not acceptable: the grant answers `invalid_grant` (or `invalid_request`). */
export class ExternalCredentialRefused extends Error {
  override readonly name = 'ExternalCredentialRefused';

  constructor(
    readonly reason: RefusalReason,
    readonly description: string,
  ) {
    super(description);
  }
}

/** The provider did not answer in time, or answered garbage: `temporarily_unavailable`, never a 500. */
export class IdentityProviderUnavailable extends Error {
  override readonly name = 'IdentityProviderUnavailable';

  constructor(readonly providerAlias: string) {
    super(`The identity provider "${providerAlias}" is not reachable right now; try again later`);
  }
}
