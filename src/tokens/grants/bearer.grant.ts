import { Injectable } from '@nestjs/common';
import { TokenExchangeGrant } from './token-exchange.grant';

/** `grant_type=bearer`: the seed API's older name for token exchange, with the same parameters. */
@Injectable()
export class BearerGrant extends TokenExchangeGrant {
  override readonly type: string = 'bearer';
}
