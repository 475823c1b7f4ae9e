import { Link } from 'react-router';

/** A failure in words, with a Retry button when the caller can retry. Knows nothing of OCCI. */
export interface ErrorPanelProps {
  readonly title: string;
  readonly detail?: string | undefined;
  readonly hint?: string | undefined;
  readonly onRetry?: (() => void) | undefined;
  readonly retrying?: boolean | undefined;
  /** What failed, as a lead-in: "Could not read the model". */
  readonly context?: string | undefined;
  /** Opens the raw exchange behind the failure (in the inspector). */
  readonly onShowExchange?: (() => void) | undefined;
  /** Where the way out is, when it is on another page: "Log in on the Endpoints page". */
  readonly link?: { readonly to: string; readonly label: string } | undefined;
}

export function ErrorPanel({
  title,
  detail,
  hint,
  onRetry,
  retrying = false,
  context,
  onShowExchange,
  link,
}: ErrorPanelProps) {
  return (
    <div className="status error error-panel" role="alert">
      <p className="error-title">
        {context === undefined ? null : <span>{context}: </span>}
        <strong>{title}</strong>
      </p>
      {detail === undefined ? null : <p>{detail}</p>}
      {hint === undefined ? null : <p className="error-hint">{hint}</p>}
      {onRetry === undefined && onShowExchange === undefined && link === undefined ? null : (
        <div className="error-buttons">
          {link === undefined ? null : (
            <Link className="button" to={link.to}>
              {link.label}
            </Link>
          )}
          {onRetry === undefined ? null : (
            <button className="button" type="button" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          )}
          {onShowExchange === undefined ? null : (
            <button className="button secondary" type="button" onClick={onShowExchange}>
              Show the exchange
            </button>
          )}
        </div>
      )}
    </div>
  );
}
