/**
 * The app's one occi client (and with it the one exchange log), handed to every screen.
 */
import { createContext, type ReactNode, useContext } from 'react';
import type { OcciClient } from './occi-client.ts';

const OcciClientContext = createContext<OcciClient | null>(null);

export function OcciClientProvider({ client, children }: { client: OcciClient; children: ReactNode }) {
  return <OcciClientContext.Provider value={client}>{children}</OcciClientContext.Provider>;
}

export function useOcciClient(): OcciClient {
  const client = useContext(OcciClientContext);
  if (client === null) throw new Error('useOcciClient: no OcciClientProvider above this component');
  return client;
}
