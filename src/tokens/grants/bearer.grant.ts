import { Injectable } from '@nestjs/common';
import { TokenExchangeGrant } from './token-exchange.grant';

/** `grant_type=bearer`: the seed API's older name for token exchange, with the same parameters. */
@Injectable()
export class BearerGrant extends TokenExchangeGrant {
  static override readonly grantType: string = 'bearer';
  override readonly type: string = BearerGrant.grantType;
}
