import { createContext, use } from 'react';
import type { PortalApi } from './portal-api';
import type { Me, ServerMetadata } from './types';

export interface PortalContextValue {
  api: PortalApi;
  metadata: ServerMetadata;
  me: Me;
  /** The token carries the admin scope: the Admin section is shown (the server decides anyway). */
  isAdmin: boolean;
  signOut: () => Promise<void>;
}

export const PortalContext = createContext<PortalContextValue | null>(null);

export function usePortal(): PortalContextValue {
  const value = use(PortalContext);
  if (value === null) throw new Error('usePortal() outside <PortalContext>');
  return value;
}
