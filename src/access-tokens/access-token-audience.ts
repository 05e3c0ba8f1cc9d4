import type { AppConfig } from '../config/app-config';

/**
 * The `aud` of every access token (RFC 9068 §3): the resource routes are served by this same server,
 * so its issuer URL names them. The verifier checks the same value.
 */
export function accessTokenAudience(config: AppConfig): string {
  return config.issuer;
}
