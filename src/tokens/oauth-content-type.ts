import type { FastifyInstance } from 'fastify';
import { errorCodes } from 'fastify';
import { OAuthError } from '../common/errors/oauth.error';
import { isOAuthEndpoint } from '../common/http/no-store';
import { routeTemplateOf } from '../common/http/route-template';

/**
 * RFC 6749 §3.2 wants form bodies; the contract answers any other content type on /oauth/* with
 * 400 invalid_request rather than Fastify's 415. Every other route keeps Fastify's 415.
 */
export function refuseOtherContentTypesOnOAuthEndpoints(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    if (isOAuthEndpoint(routeTemplateOf(request))) {
      done(new OAuthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded'), undefined);
      return;
    }
    done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']), undefined);
  });
}
