import { ScopesField } from './client-fields';

/** The body of "Generate token"; empty asks for the app's default scopes. */
export class GenerateTokenDto {
  @ScopesField("Scopes for the token: among the app's allowed scopes. Default: the app's default scopes")
  scopes?: string[];
}
