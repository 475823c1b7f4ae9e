import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useInRouterContext, useLocation } from 'react-router';
import { formatBytes } from '../../../components/format-bytes.ts';
import { formatDuration } from '../../../components/format-duration.ts';
import type { Exchange } from '../../../lib/exchange.ts';
import { type LinkedExchange, readExchangeLink, writeExchangeLink } from '../../../lib/exchange-link.ts';
import type { ExchangeLog } from '../../../lib/exchange-log.ts';
import { useExchanges } from '../../../lib/use-exchanges.ts';
import { meterOf } from '../exchange-facts.ts';
import { ExchangeDetail } from './exchange-detail.tsx';
import { ExchangeList } from './exchange-list.tsx';
import './inspector.css';

export interface InspectorDrawerProps {
  readonly log: ExchangeLog;
  /** The upstream URL of an endpoint (what `/occi/<endpoint>/` forwards to), if the console knows it. */
  readonly endpointUrl: (endpointId: string) => string | undefined;
}

/**
 * The inspector: every HTTP exchange of the session, each with its headers, bodies, decoded OCCI and
 * copy-as commands, and a meter of what the current view cost. Inside a router the view is the
 * current path (a change of path starts a new count, the first view counts from the page load);
 * outside one, everything since mount.
 */
export function InspectorDrawer(props: InspectorDrawerProps) {
  return useInRouterContext() ? (
    <RoutedInspector {...props} />
  ) : (
    <Inspector {...props} view="mount" firstViewFromStart={false} />
  );
}

function RoutedInspector(props: InspectorDrawerProps) {
  // The path only: selecting an exchange writes ?exchange=, which is no new view.
  const { pathname } = useLocation();
  // The log lives as long as the page, so the first view is everything in it: the drawer may mount
  // (it is loaded lazily) after the first page has sent its requests.
  return <Inspector {...props} view={pathname} firstViewFromStart />;
}

function lastId(exchanges: readonly Exchange[]): number {
  return exchanges.at(-1)?.id ?? 0;
}

function Inspector({
  log,
  endpointUrl,
  view,
  firstViewFromStart,
}: InspectorDrawerProps & { view: string; firstViewFromStart: boolean }) {
  const exchanges = useExchanges(log);
  // The meter counts exchanges newer than the last one seen when the view began. Set while
  // rendering the new view, before any of its effects can send a request.
  const [window_, setWindow] = useState(() => ({ view, after: firstViewFromStart ? 0 : lastId(log.snapshot()) }));
  if (window_.view !== view) setWindow({ view, after: lastId(log.snapshot()) });
  const meter = meterOf(exchanges.filter((exchange) => exchange.id > window_.after));

  const [linked] = useState<LinkedExchange>(() => readExchangeLink(globalThis.location?.search ?? ''));
  const [open, setOpen] = useState(linked.state !== 'none');
  const [selected, setSelected] = useState<number | undefined>(linked.state === 'this-load' ? linked.id : undefined);
  const [earlierLoad, setEarlierLoad] = useState(linked.state === 'earlier-load');

  const panelId = useId();
  const headingId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusedFor = useRef(open);

  // Focus follows the drawer: into it when it opens, back to the toggle when it closes. Only on a
  // change: not on mount, where a deep link may open it while the page sets its own focus.
  useEffect(() => {
    if (focusedFor.current === open) return;
    focusedFor.current = open;
    if (open) headingRef.current?.focus();
    else toggleRef.current?.focus();
  }, [open]);

  // A navigation replaces the URL; the selection, still open, goes back into the new one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is the trigger, not a value read
  useEffect(() => {
    if (selected !== undefined) writeExchangeLink(selected);
  }, [view, selected]);

  const select = (id: number | undefined) => {
    setSelected(id);
    setEarlierLoad(false);
    writeExchangeLink(id);
  };

  // A page asked to show one of its exchanges (a resource's history).
  useEffect(
    () =>
      log.onReveal((id) => {
        setOpen(true);
        setSelected(id);
        setEarlierLoad(false);
        writeExchangeLink(id);
      }),
    [log],
  );
  const close = () => {
    setOpen(false);
    select(undefined);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  const current = selected === undefined ? undefined : exchanges.find((exchange) => exchange.id === selected);
  const meterText = `${meter.requests} ${meter.requests === 1 ? 'request' : 'requests'} · ${formatBytes(meter.bytes)} · ${formatDuration(meter.spanMs)}`;

  return (
    <div className="inspector">
      <div className="inspector-spacer" aria-hidden="true" />
      <section className="inspector-bar" aria-label="Inspector bar">
        <button
          ref={toggleRef}
          type="button"
          className="inspector-toggle"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => (open ? close() : setOpen(true))}
        >
          Inspector ({exchanges.length})
        </button>
        <span
          className="inspector-meter"
          title={`Since this view opened: ${meter.requests} requests (${meter.pending} pending), ${formatBytes(meter.bytes)} received, ${formatDuration(meter.spanMs)} from the first request to the last answer, ${formatDuration(meter.totalMs)} of request time added up.`}
        >
          <span className="visually-hidden">This view: </span>
          {meterText}
        </span>
      </section>
      {open && (
        <aside id={panelId} className="inspector-panel" aria-labelledby={headingId} onKeyDown={onKeyDown}>
          <header className="inspector-header">
            <h2 id={headingId} ref={headingRef} tabIndex={-1}>
              Inspector
            </h2>
            <span className="inspector-meter muted">This view: {meterText}</span>
            <button
              type="button"
              onClick={() => {
                log.clear();
                select(undefined);
              }}
            >
              Clear
            </button>
            <button type="button" onClick={close} aria-label="Close inspector">
              Close
            </button>
          </header>
          <div className="inspector-content">
            <ExchangeList exchanges={exchanges} selected={selected} onSelect={select} />
            {earlierLoad && (
              <p className="inspector-note" role="note">
                This exchange is from an earlier page load. Exchanges are kept in memory only, so it is gone.
              </p>
            )}
            {selected !== undefined && current === undefined && (
              <p className="inspector-note" role="note">
                This exchange is no longer kept: the log was cleared or has grown past its limit.
              </p>
            )}
            {current !== undefined && <ExchangeDetail exchange={current} endpointUrl={endpointUrl} />}
          </div>
        </aside>
      )}
    </div>
  );
}
