import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createExchangeLog, type ExchangeLog } from '../lib/exchange-log.ts';
import { createOcciClient, type OcciClient } from '../lib/occi-client.ts';
import { OcciClientProvider } from '../lib/occi-client-context.tsx';
import { isOcciHttpError } from '../lib/occi-errors.ts';

export interface AppServices {
  readonly log: ExchangeLog;
  readonly client: OcciClient;
  readonly queryClient: QueryClient;
}

/** One exchange log, one occi client and one query client for the whole app. */
export function createAppServices(): AppServices {
  const log = createExchangeLog();
  const client = createOcciClient({ log });
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // A server that answered with a client error will answer the same again; screens offer Retry.
        retry: (count, error) => count < 1 && !(isOcciHttpError(error) && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return { log, client, queryClient };
}

export function Providers({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <QueryClientProvider client={services.queryClient}>
      <OcciClientProvider client={services.client}>{children}</OcciClientProvider>
    </QueryClientProvider>
  );
}
