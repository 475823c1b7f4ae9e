import { useId, useMemo } from 'react';
import { CopyButton } from '../../../components/copy-button.tsx';
import { FactsTable, KeyValueTable } from '../../../components/facts-table.tsx';
import { formatBytes, utf8Length } from '../../../components/format-bytes.ts';
import { formatDuration } from '../../../components/format-duration.ts';
import type { Exchange } from '../../../lib/exchange.ts';
import { MAX_RECORDED_BODY } from '../../../lib/exchange.ts';
import { copyAsCurl } from '../copy-as-curl.ts';
import { copyAsRocci } from '../copy-as-rocci.ts';
import { decodeRequest, decodeResponse } from '../decode-exchange.ts';
import { endpointPathOf, headerValue, responseSizeOf, statusOf } from '../exchange-facts.ts';
import { DecodedOcci } from './decoded-occi.tsx';

/** Epoch milliseconds as a wall-clock time; a small number is a performance.now() reading instead. */
function startedText(startedAt: number): string {
  if (startedAt > 1e12) return new Date(startedAt).toLocaleTimeString();
  return `${formatDuration(startedAt)} after the page loaded`;
}

function Body({ text, truncated, label }: { text: string; truncated: boolean; label: string }) {
  if (text === '') return <p className="muted">No body.</p>;
  return (
    <>
      {truncated && (
        <p className="inspector-note">
          Truncated: only the first {MAX_RECORDED_BODY.toLocaleString('en')} characters of the body are kept.
        </p>
      )}
      <section aria-label={label} className="inspector-body-region">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
        <pre className="code inspector-body" tabIndex={0}>
          {text}
        </pre>
      </section>
    </>
  );
}

/** One exchange in full: purpose, timing, headers, bodies, the decoded OCCI and the copy buttons. */
export function ExchangeDetail({
  exchange,
  endpointUrl,
}: {
  exchange: Exchange;
  endpointUrl: (endpointId: string) => string | undefined;
}) {
  const headingId = useId();
  const upstream = endpointUrl(exchange.endpoint);
  const origin = window.location.origin;
  const curl = useMemo(() => copyAsCurl(exchange, { endpointUrl: upstream, origin }), [exchange, upstream, origin]);
  const rocci = useMemo(
    () => copyAsRocci(exchange, upstream ?? new URL(`/occi/${encodeURIComponent(exchange.endpoint)}`, origin).href),
    [exchange, upstream, origin],
  );
  const decoded = useMemo(() => decodeResponse(exchange), [exchange]);
  const decodedRequest = useMemo(() => decodeRequest(exchange), [exchange]);
  const status = statusOf(exchange);
  const response = exchange.response;
  const size = responseSizeOf(exchange);
  const occiError = response === undefined ? undefined : headerValue(response.headers, 'x-occi-error');
  const { path, search, occi } = endpointPathOf(exchange);

  return (
    <section className="inspector-detail" aria-labelledby={headingId}>
      <h3 id={headingId}>{exchange.purpose}</h3>
      <p className="inspector-request-line">
        <span className="inspector-method">{exchange.method}</span>{' '}
        <code>
          {path}
          {search}
        </code>
      </p>
      <FactsTable
        caption="Summary"
        columns={['Fact', 'Value']}
        rows={[
          {
            key: 'status',
            name: 'Status',
            cells: [
              <span key="s" className={`inspector-status tone-${status.tone}`}>
                {status.text}
              </span>,
            ],
          },
          {
            key: 'endpoint',
            name: 'Endpoint',
            cells: [
              occi ? (upstream ?? `${exchange.endpoint} (URL unknown)`) : "None: the console's own server answered",
            ],
          },
          { key: 'url', name: 'Requested', cells: [<code key="u">{exchange.url}</code>] },
          { key: 'started', name: 'Started', cells: [startedText(exchange.startedAt)] },
          {
            key: 'duration',
            name: 'Duration',
            cells: [
              response === undefined
                ? exchange.failure === undefined
                  ? 'pending'
                  : '–'
                : formatDuration(response.durationMs),
            ],
          },
          {
            key: 'size',
            name: 'Size',
            cells: [
              `${formatBytes(utf8Length(exchange.requestBody))} sent, ${size === undefined ? '–' : formatBytes(size)} received`,
            ],
          },
        ]}
      />
      {occiError !== undefined && (
        <p className="inspector-server-error">
          <strong>The server said:</strong> {occiError}
        </p>
      )}
      {exchange.failure !== undefined && (
        <p className="inspector-server-error">
          <strong>No answer:</strong> {exchange.failure}
        </p>
      )}
      <div className="inspector-copy">
        <CopyButton label="Copy as curl" text={curl} />
        {rocci !== undefined && <CopyButton label="Copy as rOCCI-cli" text={rocci.command} />}
      </div>
      {occi && upstream === undefined && (
        <p className="inspector-note">The endpoint's own URL is unknown here: the commands go through this console.</p>
      )}
      {rocci !== undefined && rocci.caveats.length > 0 && (
        <ul className="inspector-caveats">
          {rocci.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      )}
      <h4>Decoded OCCI of the answer</h4>
      <DecodedOcci decoded={decoded} />
      <h4>Request</h4>
      <KeyValueTable caption="Request headers" entries={exchange.requestHeaders} empty="No headers." />
      <Body text={exchange.requestBody} truncated={false} label="Request body" />
      {decodedRequest !== undefined && (
        <>
          <h5>Decoded OCCI of the request</h5>
          <DecodedOcci decoded={decodedRequest} prefix="Request: " />
        </>
      )}
      <h4>Response</h4>
      {response === undefined ? (
        <p className="muted">{exchange.failure === undefined ? 'Waiting for the answer…' : 'No answer.'}</p>
      ) : (
        <>
          <KeyValueTable caption="Response headers" entries={response.headers} empty="No headers." />
          <Body text={response.body} truncated={response.truncated} label="Response body" />
        </>
      )}
    </section>
  );
}
