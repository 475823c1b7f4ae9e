import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import type { EndpointInfo } from '../../../lib/endpoint-info.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { probeQuery } from '../../../lib/occi-queries.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { OcciMediaType } from '../../../occi/index.ts';
import { authWords, needsLogin } from '../auth-words.ts';
import { LoginForm } from './login-form.tsx';

const RENDERING_CHOICES: readonly OcciMediaType[] = ['application/occi+json', 'text/plain', 'text/occi'];

/** One endpoint: what it is, whether it answers (and in what), its login, and the way in. */
export function EndpointCard({ endpoint }: { endpoint: EndpointInfo }) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const probe = useQuery(probeQuery(client, endpoint.id));
  const headingId = useId();
  const renderingId = useId();
  const [override, setOverride] = useState(() =>
    client.renderingFor(endpoint.id).source === 'override' ? client.renderingFor(endpoint.id).mediaType : '',
  );
  const error = probe.isError ? describeError(probe.error) : undefined;
  const unauthorised = error?.status === 401;

  return (
    <article className="endpoint-card" aria-labelledby={headingId}>
      <header className="endpoint-card-header">
        <h2 id={headingId}>{endpoint.title}</h2>
        {endpoint.demo ? <span className="badge">Demo</span> : null}
      </header>
      <dl className="endpoint-facts">
        <dt>URL</dt>
        <dd>
          <code>{endpoint.url}</code>
        </dd>
        <dt>Login</dt>
        <dd>{authWords(endpoint)}</dd>
        <dt>Reached at</dt>
        <dd>
          <code>/occi/{endpoint.id}/</code>
        </dd>
      </dl>
      {endpoint.insecureTls ? (
        <p className="status warn">
          Certificate checks are switched off for this endpoint: the console cannot tell whether it talks to the real
          server.
        </p>
      ) : null}
      <section className="endpoint-state" aria-label="State">
        {probe.isPending ? <p className="muted">Checking whether it answers…</p> : null}
        {probe.isSuccess ? (
          <p className="status ok" role="status">
            <strong>Reachable</strong>
            {' · '}
            {probe.data.occiVersions.length > 0
              ? probe.data.occiVersions.map((version) => `OCCI/${version}`).join(', ')
              : 'names no OCCI version'}
            {' · answers in '}
            {probe.data.renderings.join(', ')}
            {probe.data.server === null ? null : (
              <span className="muted">
                {' · server '}
                <code>{probe.data.server}</code>
              </span>
            )}
          </p>
        ) : null}
        {error !== undefined ? (
          <ErrorPanel
            context={unauthorised ? 'Login needed' : 'Not reachable'}
            title={error.title}
            detail={error.detail}
            hint={error.hint}
            onRetry={() => void probe.refetch()}
            retrying={probe.isFetching}
          />
        ) : null}
      </section>
      {needsLogin(endpoint) ? <LoginForm endpoint={endpoint} /> : null}
      <footer className="endpoint-card-footer">
        <div className="endpoint-links">
          <Link className="button-link" to={`/endpoints/${encodeURIComponent(endpoint.id)}`}>
            Open the resources of {endpoint.title}
          </Link>
          <Link to={`/endpoints/${encodeURIComponent(endpoint.id)}/model`}>
            Open the model browser of {endpoint.title}
          </Link>
        </div>
        <div className="field inline">
          <label htmlFor={renderingId}>Rendering</label>
          <select
            id={renderingId}
            value={override}
            onChange={(event) => {
              const value = event.target.value as OcciMediaType | '';
              setOverride(value);
              client.setRenderingOverride(endpoint.id, value === '' ? undefined : value);
              // What was read in the old rendering is read again in the new one when next shown.
              void queryClient.invalidateQueries({ queryKey: queryKeys.endpoint(endpoint.id), refetchType: 'none' });
            }}
          >
            <option value="">Automatic (OCCI JSON, else text/plain)</option>
            {RENDERING_CHOICES.map((type) => (
              <option key={type} value={type}>
                Always {type}
              </option>
            ))}
          </select>
        </div>
      </footer>
    </article>
  );
}
