import type { FastifyReply } from 'fastify';
import { formTargetFor, pageSecurityHeaders } from '../pages/page-security-headers';
import { renderPage } from '../pages/render-page';
import type { AuthorizationOutcome } from './authorize.service';

/** What the sign-in page shows besides the outcome. */
export interface SignInPageExtras {
  error?: string;
  email?: string;
}

/**
 * Answers an authorization outcome: the sign-in or consent page (whose forms carry the original
 * request back), or the redirect to the client. 303, so a form post becomes a GET at the client.
 */
export function sendAuthorizationOutcome(
  reply: FastifyReply,
  outcome: AuthorizationOutcome,
  authorizationRequest: string,
  extras: SignInPageExtras = {},
): FastifyReply {
  switch (outcome.kind) {
    case 'redirect':
      return reply.headers(pageSecurityHeaders()).redirect(outcome.location, 303);
    case 'sign-in':
      return renderPage(
        reply,
        'sign-in',
        {
          title: 'Sign in',
          clientName: outcome.client.name,
          authorizationRequest,
          email: extras.email ?? outcome.loginHint ?? '',
          organization: outcome.organization,
          error: extras.error,
        },
        { status: extras.error ? 400 : 200, formTargets: [formTargetFor(outcome.redirectUri)] },
      );
    case 'consent':
      return renderPage(
        reply,
        'consent',
        {
          title: 'Allow access?',
          clientName: outcome.client.name,
          authorizationRequest,
          scopes: outcome.scopes.map(({ name, description }) => ({ name, description })),
          email: outcome.userEmail,
        },
        { formTargets: [formTargetFor(outcome.redirectUri)] },
      );
  }
}
