import type { ClientApp } from '../api/types';
import { CopyField } from './copy-field';

/** A ready-made RFC 6749 §4.3 request for this app (the person fills in the credentials). */
export function PasswordGrantExample({ app, tokenEndpoint }: { app: ClientApp; tokenEndpoint: string }) {
  const clientAuth = app.confidential ? `-u '${app.client_id}:YOUR_CLIENT_SECRET'` : `-d client_id=${app.client_id}`;
  const curl = [
    `curl ${tokenEndpoint} ${clientAuth}`,
    `  -d grant_type=password -d username=you@example.com --data-urlencode 'password=YOUR_PASSWORD'`,
    `  -d 'scope=${app.scopes.join(' ')}'`,
  ].join(' \\\n');
  return <CopyField label="Password grant example" value={curl} />;
}
