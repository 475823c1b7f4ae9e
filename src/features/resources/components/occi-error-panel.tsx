/**
 * A failure of the occi client in words (describeError), with Retry where the caller can retry,
 * and "Show the exchange", which opens the request and answer behind it in the inspector. A
 * modal dialog keeps the inspector out of reach, so the exchange closes the dialog's way there.
 */
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { isOcciHttpError } from '../../../lib/occi-errors.ts';

/** Logins live on the Endpoints page: a 401 (an expired Keystone token, say) leads there. */
const LOGIN_LINK = { to: '/', label: 'Log in on the Endpoints page' } as const;

export interface OcciErrorPanelProps {
  readonly error: unknown;
  readonly context: string;
  /** Replaces the hint describeError gives. */
  readonly hint?: string | undefined;
  readonly onRetry?: (() => void) | undefined;
  readonly retrying?: boolean | undefined;
  /** Called before the inspector opens: a dialog closes itself, so the inspector can be used. */
  readonly beforeShowExchange?: (() => void) | undefined;
}

export function OcciErrorPanel({ error, context, hint, onRetry, retrying, beforeShowExchange }: OcciErrorPanelProps) {
  const client = useOcciClient();
  const words = describeError(error);
  const exchange = client.exchangeOf(error);
  return (
    <ErrorPanel
      context={context}
      title={words.title}
      detail={words.detail}
      hint={hint ?? words.hint}
      onRetry={onRetry}
      retrying={retrying}
      link={isOcciHttpError(error) && error.status === 401 ? LOGIN_LINK : undefined}
      onShowExchange={
        exchange === undefined
          ? undefined
          : () => {
              beforeShowExchange?.();
              client.log.reveal(exchange);
            }
      }
    />
  );
}
