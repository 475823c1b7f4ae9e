import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorPanel } from '../../../components/error-panel.tsx';
import { describeError } from '../../../lib/describe-error.ts';
import type { EndpointInfo } from '../../../lib/endpoint-info.ts';
import type { LoginCredentials } from '../../../lib/occi-client.ts';
import { useOcciClient } from '../../../lib/occi-client-context.tsx';
import { queryKeys } from '../../../lib/query-keys.ts';

/**
 * The login an endpoint asks for: a token, or user and password (plus project and domain for a
 * Keystone whose configuration does not fix them). The proxy keeps the credential; the form keeps
 * its input when the login fails.
 */
export function LoginForm({ endpoint }: { endpoint: EndpointInfo }) {
  const client = useOcciClient();
  const queryClient = useQueryClient();
  const id = useId();
  const [fields, setFields] = useState({ token: '', user: '', password: '', project: '', domain: '' });
  const login = useMutation({
    mutationFn: (credentials: LoginCredentials) => client.login(endpoint.id, credentials),
    onSuccess: () => {
      setFields((current) => ({ ...current, token: '', password: '' }));
      return queryClient.invalidateQueries({ queryKey: queryKeys.endpoint(endpoint.id) });
    },
  });
  const byToken = endpoint.auth === 'user-token';
  const needsProject = endpoint.auth === 'keystone' && endpoint.login?.needsProject === true;
  const needsDomain = endpoint.auth === 'keystone' && endpoint.login?.needsDomain === true;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const credentials: LoginCredentials = byToken
      ? { token: fields.token.trim() }
      : {
          user: fields.user,
          password: fields.password,
          ...(needsProject && { project: fields.project }),
          ...(needsDomain && { domain: fields.domain }),
        };
    login.mutate(credentials);
  };

  const field = (name: keyof typeof fields, label: string, type = 'text', autoComplete = 'off') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        value={fields[name]}
        onChange={(event) => setFields((current) => ({ ...current, [name]: event.target.value }))}
      />
    </div>
  );

  const error = login.isError ? describeError(login.error) : undefined;
  return (
    <form className="login-form" onSubmit={submit} aria-label={`Log in to ${endpoint.title}`}>
      <div className="field-row">
        {byToken ? (
          field('token', 'Token', 'password')
        ) : (
          <>
            {field('user', 'User name', 'text', 'username')}
            {field('password', 'Password', 'password', 'current-password')}
            {needsProject ? field('project', 'Project') : null}
            {needsDomain ? field('domain', 'Domain') : null}
          </>
        )}
      </div>
      <button className="button" type="submit" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
      {login.isSuccess ? (
        <p className="status ok" role="status">
          Logged in. The console's server keeps the credential; this page never sees it again.
        </p>
      ) : null}
      {error === undefined ? null : (
        <ErrorPanel context="Login failed" title={error.title} detail={error.detail} hint={error.hint} />
      )}
    </form>
  );
}
