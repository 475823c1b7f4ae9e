/**
 * The occi client: the one module of the console that calls `fetch` (docs/architecture.md). It
 * reaches each cloud through the proxy at `/occi/<endpoint>/`, picks the rendering each endpoint
 * understands (OCCI JSON where it works, text/plain otherwise) and remembers it, renders request
 * bodies and parses answers with the protocol library, records every exchange for the inspector,
 * and turns every failure into one typed error (occi-errors.ts).
 */
import {
  acceptHeader,
  isOcciMediaTypeError,
  isOcciParseError,
  jsonErrorReportMessage,
  type OcciMediaType,
  occiVersions,
  parseMessage,
  renderingOf,
  renderMessage,
  type ServerProfile,
  type Structure,
  type StructureModels,
  serverProfileOf,
  writableRenderings,
} from '../occi/index.ts';
import { type EndpointInfo, readEndpointList } from './endpoint-info.ts';
import { MAX_RECORDED_BODY } from './exchange.ts';
import type { ExchangeLog } from './exchange-log.ts';
import { isOcciHttpError, OcciHttpError, OcciNetworkError, OcciTimeoutError } from './occi-errors.ts';
import { endpointRelativePath, OCCI_PROXY_PREFIX, proxyPath, serverUrl } from './proxy-paths.ts';
import { createRenderingStore, type RenderingStore } from './rendering-preference.ts';

export interface OcciClientOptions {
  readonly log: ExchangeLog;
  readonly fetch?: typeof fetch;
  /** A request with no answer after this long fails with OcciTimeoutError. Default 30 s. */
  readonly timeoutMs?: number;
  /** Where the console is served; relative request URLs resolve against it. Default `location.href`. */
  readonly baseUrl?: string;
  /** Where the rendering per endpoint is remembered. Default: localStorage. */
  readonly renderings?: RenderingStore;
}

/** A request body: a model and the structure it is (an entity, an action invocation, ...). */
export type RequestBody = {
  readonly [B in Structure]: { readonly structure: B; readonly model: StructureModels[B] };
}[Structure];

export interface RequestOptions<S extends Structure> {
  /** Default GET. */
  readonly method?: string;
  /**
   * Where: a path relative to the endpoint (`-/`, `compute/`), or one of the server's own URLs,
   * absolute (`http://host:8787/compute/x`, ooi) or from its root (`/compute/x`, rOCCI).
   */
  readonly path: string;
  /** What the answer carries; left out when the answer's body does not matter (a delete). */
  readonly structure?: S;
  readonly body?: RequestBody;
  /** What the console is doing, in words, for the inspector: "List compute", "Start web-01". */
  readonly purpose: string;
  /** This rendering and no other, for this request only (the probe, a preview). */
  readonly accept?: OcciMediaType;
  /** Cancels the request (TanStack Query passes one). */
  readonly signal?: AbortSignal;
}

export interface OcciAnswer<S extends Structure> {
  /** Null when the answer has no body to read (204, a create answered with Location only). */
  readonly model: StructureModels[S] | null;
  readonly status: number;
  readonly headers: Headers;
  /** The rendering the answer came in, or null for an empty answer. */
  readonly rendering: OcciMediaType | null;
  /** The answer's body as sent, for what a structure cannot say (a create's location in the body). */
  readonly body: string;
  /**
   * Why a request body went in another rendering than first tried, in words ("the server did not
   * read OCCI JSON (415 ...), so it was sent again as text/plain"); absent when the first one worked.
   */
  readonly renderingFallback?: string;
}

export type RenderingSource = 'override' | 'negotiated' | 'default';

export interface RenderingChoice {
  readonly mediaType: OcciMediaType;
  readonly source: RenderingSource;
}

/** The rendering request bodies to an endpoint go in, and why, in words. */
export interface WriteRenderingChoice {
  readonly mediaType: OcciMediaType;
  /** `server`: what this server is known to read; `reads`: the rendering reads use. */
  readonly source: 'override' | 'negotiated' | 'server' | 'reads';
  readonly reason: string;
}

export interface EndpointProbe {
  /** The Server header, as sent. */
  readonly server: string | null;
  /** `OCCI/x.y` tokens of the Server header. */
  readonly occiVersions: readonly string[];
  readonly serverProfile: ServerProfile;
  /** The renderings the query interface was answered in, among OCCI JSON and text/plain. */
  readonly renderings: readonly OcciMediaType[];
}

/** One request as written, for a caller that reads the answer itself (the conformance suite). */
export interface RawRequest {
  readonly method: string;
  /** Relative to the endpoint, or one of the server's own URLs (absolute, or from its root). */
  readonly path: string;
  /** Header fields, one value each, sent as they are. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** What the console is doing, in words, for the inspector. */
  readonly purpose: string;
  readonly signal?: AbortSignal;
}

/** The answer as received, whatever its status. */
export interface RawAnswer {
  readonly status: number;
  /** Header fields as received (fetch joins repeated lines with ", "; names in lower case). */
  readonly headers: [string, string][];
  readonly body: string;
  /** The inspector's id for this exchange. */
  readonly exchangeId: number;
}

export type LoginCredentials =
  | { readonly token: string }
  | { readonly user: string; readonly password: string; readonly project?: string; readonly domain?: string };

export interface OcciClient {
  readonly log: ExchangeLog;
  request<S extends Structure>(endpointId: string, options: RequestOptions<S>): Promise<OcciAnswer<S>>;
  /**
   * Sends a request as written and returns the answer unparsed, an error status included; recorded
   * like every other. Rejects only when there is no answer (OcciTimeoutError, OcciNetworkError, the
   * signal's abort), or for a URL on another server than the endpoint (OcciHttpError 400).
   */
  raw(endpointId: string, request: RawRequest): Promise<RawAnswer>;
  /** The proxy's endpoints (`GET /api/endpoints`); remembered for URL mapping. Calls while one is under way share it. */
  fetchEndpoints(): Promise<readonly EndpointInfo[]>;
  /** `GET /-/` in OCCI JSON, then in text/plain: reachable or why not, versions, renderings. */
  probeEndpoint(endpointId: string, signal?: AbortSignal): Promise<EndpointProbe>;
  /** `POST /api/session/<id>/login`: resolves when logged in, else throws OcciHttpError. */
  login(endpointId: string, credentials: LoginCredentials): Promise<void>;
  /** The rendering reads from this endpoint use now, and why. */
  renderingFor(endpointId: string): RenderingChoice;
  /** The rendering request bodies to this endpoint go in now, and why. */
  writeRenderingFor(endpointId: string): WriteRenderingChoice;
  /** The user's choice of rendering for an endpoint; undefined goes back to negotiating. */
  setRenderingOverride(endpointId: string, mediaType: OcciMediaType | undefined): void;
  /** The endpoint's upstream URL, once the endpoints are known. */
  endpointUrl(endpointId: string): string | undefined;
  /** The same-origin path the browser uses for one of the server's URLs. */
  toProxyPath(endpointId: string, serverUrlOrPath: string): string;
  /**
   * One of the server's URLs (absolute, or from its root) as a path relative to the endpoint
   * (`compute/x`): the one name the console keys an entity by, however the server wrote it.
   */
  relativePath(endpointId: string, serverUrlOrPath: string): string;
  /** The server's own URL for a proxy path (for curl and the inspector), once the endpoints are known. */
  toServerUrl(endpointId: string, proxyPathOrRelative: string): string | undefined;
  /**
   * The path on the server of a proxy path (`/storage/1`, or `/occi/storage/1` under an endpoint
   * path), as link ends are sent: pyssf and rOCCI-server 2 refuse absolute URLs there.
   */
  toServerPath(endpointId: string, proxyPathOrRelative: string): string;
  /** Which known server the endpoint is, by the Server header of its last answer. */
  serverProfile(endpointId: string): ServerProfile;
  /** The exchange a failure of this client came from, so a screen can open it in the inspector. */
  exchangeOf(error: unknown): number | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Marks the answers the console's proxy gives itself (a 502 or 504 about the endpoint, a refusal),
 * so that its words are not taken for the cloud's. src/proxy/plain-response.ts sets it and strips it
 * from forwarded answers, so a cloud cannot speak as the proxy.
 */
const PROXY_ANSWER_HEADER = 'X-Console-Proxy-Answer';
const JSON_TYPE: OcciMediaType = 'application/occi+json';
const TEXT_TYPE: OcciMediaType = 'text/plain';

/** A failure that says the server does not speak the rendering tried, so another one may work. */
function suggestsOtherRendering(error: unknown): boolean {
  if (isOcciHttpError(error)) return error.status === 406 || error.status === 415;
  return isOcciParseError(error) || isOcciMediaTypeError(error);
}

/**
 * A refusal of a request body that says the server could not read it, not that it refused what it
 * said: 415, 406 (rOCCI-server's answer to a Content-Type it does not read), or a 400 whose words
 * are about parsing. Nothing was made, so sending it again in another rendering is safe; a 5xx is
 * not taken as such a refusal, since the server may have acted before it failed.
 */
function refusesBodyRendering(error: unknown): boolean {
  if (!isOcciHttpError(error) || error.fromProxy) return false;
  if (error.status === 406 || error.status === 415) return true;
  return (
    error.status === 400 && /pars|render|media|content.?type|unparsable|malformed|json/i.test(error.serverMessage ?? '')
  );
}

/** The text renderings, in the order a refused body is sent again in. */
const TEXT_WRITES: readonly OcciMediaType[] = ['text/plain', 'text/occi'];

function emptyModel<S extends Structure>(structure: S | undefined): StructureModels[S] | null {
  if (structure === 'entity-collection')
    return { locations: [], resources: [], links: [] } as unknown as StructureModels[S];
  if (structure === 'location-list') return { locations: [] } as unknown as StructureModels[S];
  return null;
}

/** Text rendering header lines, one header per name with the values comma-joined (fetch takes one value). */
function joinHeaders(lines: readonly (readonly [string, string])[]): Array<[string, string]> {
  const joined = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    const entry = joined.get(key);
    if (entry === undefined) joined.set(key, { name, values: [value] });
    else entry.values.push(value);
  }
  return [...joined.values()].map(({ name, values }) => [name, values.join(', ')]);
}

function collapse(text: string, max = 600): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

/** The server's own words about an error: X-OCCI-Error, a JSON report, an HTML page's title, or its text. */
export function serverMessageOf(
  status: number,
  statusText: string,
  headers: Headers,
  body: string,
): string | undefined {
  const own = headers.get('x-occi-error');
  let message: string | undefined;
  if (own !== null && own.trim() !== '') message = own.trim();
  message ??= jsonErrorReportMessage(body);
  if (message === undefined) {
    const contentType = headers.get('content-type') ?? '';
    if (/html/i.test(contentType) || /^\s*<(!doctype|html)/i.test(body)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
      message = `the answer is an HTML page${title ? ` titled "${collapse(title, 120)}"` : ''}, not an OCCI message`;
    } else if (body.trim() !== '') {
      message = collapse(body);
    }
  }
  if (message === undefined) return undefined;
  // The proxy writes "502 Bad Gateway: ...", ooi's JSON report "409: ..."; the status is shown anyway.
  const head = `${status}${statusText === '' ? '' : ` ${statusText}`}`;
  const prefix = [`${head}:`, `${status}:`].find((candidate) => message.startsWith(candidate));
  const stripped = prefix === undefined ? message : message.slice(prefix.length).trim();
  return stripped === '' ? undefined : stripped;
}

interface Sent {
  readonly response: Response;
  readonly text: string;
  /** The exchange's id in the log. */
  readonly id: number;
}

export function createOcciClient(options: OcciClientOptions): OcciClient {
  const { log } = options;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const store = options.renderings ?? createRenderingStore();
  const base = () => options.baseUrl ?? globalThis.location?.href ?? 'http://localhost/';
  const known = new Map<string, EndpointInfo>();
  // The Server header each endpoint last answered with: it names servers whose writes differ.
  const servers = new Map<string, string>();
  // Which exchange each failure came from: errors stay plain classes, the client remembers.
  const failedExchanges = new WeakMap<object, number>();
  const tag = (error: unknown, id: number): never => {
    if (typeof error === 'object' && error !== null && !failedExchanges.has(error)) failedExchanges.set(error, id);
    throw error;
  };
  let endpointsOnce: Promise<readonly EndpointInfo[]> | undefined;
  let inFlight: Promise<readonly EndpointInfo[]> | undefined;

  /** One HTTP exchange, recorded, with time-out and cancellation; answers of any status come back. */
  async function send(
    endpointId: string,
    url: string,
    init: { method: string; headers: Array<[string, string]>; body?: string; purpose: string; loggedBody?: string },
    signal: AbortSignal | undefined,
  ): Promise<Sent> {
    const target = new URL(url, base());
    // A location from a cloud (`../other/compute/1`, `%2e%2e/...`) that the browser would resolve
    // into another endpoint's space is never sent: it would act there with that endpoint's credentials.
    if (
      url.startsWith(OCCI_PROXY_PREFIX) &&
      !target.pathname.startsWith(`${OCCI_PROXY_PREFIX}${encodeURIComponent(endpointId)}/`)
    ) {
      throw new OcciHttpError(
        endpointId,
        400,
        'Not on this endpoint',
        `${url} resolves to ${target.pathname}, outside endpoint "${endpointId}"`,
        "The console sends nothing outside an endpoint's own address space; the location came from the server.",
      );
    }
    const startedAt = Date.now();
    const id = log.start({
      endpoint: endpointId,
      purpose: init.purpose,
      method: init.method,
      url,
      requestHeaders: init.headers,
      requestBody: init.loggedBody ?? init.body ?? '',
      startedAt,
    });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = () => controller.abort();
    signal?.addEventListener('abort', cancel);
    if (signal?.aborted) controller.abort();
    const fail = (error: unknown): never => {
      if (timedOut) {
        log.complete(id, { failure: `no answer within ${timeoutMs} ms (timed out)` });
        return tag(new OcciTimeoutError(endpointId, timeoutMs), id);
      }
      if (signal?.aborted) {
        log.complete(id, { failure: 'cancelled by the console' });
        throw error;
      }
      log.complete(id, { failure: `network failure: ${error instanceof Error ? error.message : String(error)}` });
      return tag(new OcciNetworkError(endpointId, error), id);
    };
    try {
      let response: Response;
      try {
        response = await fetchImpl(target, {
          method: init.method,
          headers: init.headers,
          ...(init.body !== undefined && { body: init.body }),
          signal: controller.signal,
          credentials: 'same-origin',
        });
      } catch (error) {
        return fail(error);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        return fail(error);
      }
      const server = response.headers.get('server');
      if (server !== null && !response.headers.has(PROXY_ANSWER_HEADER)) servers.set(endpointId, server);
      log.complete(id, {
        response: {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers],
          body: text.length > MAX_RECORDED_BODY ? text.slice(0, MAX_RECORDED_BODY) : text,
          truncated: text.length > MAX_RECORDED_BODY,
          durationMs: Date.now() - startedAt,
        },
      });
      return { response, text, id };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  async function relativePathFor(endpointId: string, path: string): Promise<string> {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path.trim()) && !known.has(endpointId)) await fetchEndpoints();
    const relative = endpointRelativePath(path, known.get(endpointId)?.url);
    if (relative === null) {
      throw new OcciHttpError(
        endpointId,
        400,
        'Not on this endpoint',
        `${path} is on another server than endpoint "${endpointId}"`,
        'The console only reaches the servers its proxy is configured for.',
      );
    }
    return relative;
  }

  async function exchange<S extends Structure>(
    endpointId: string,
    relative: string,
    request: RequestOptions<S>,
    mediaType: OcciMediaType,
    strict: boolean,
    bodyType: OcciMediaType = mediaType,
  ): Promise<OcciAnswer<S>> {
    const method = request.method ?? 'GET';
    const headers: Array<[string, string]> = [
      ['Accept', strict ? acceptHeader(mediaType) : acceptHeader(mediaType, [TEXT_TYPE])],
    ];
    let body: string | undefined;
    if (request.body !== undefined) {
      const rendered = renderMessage(request.body.structure, request.body.model as never, bodyType);
      headers.push(['Content-Type', rendered.contentType], ...joinHeaders(rendered.headers));
      body = rendered.body;
    }
    const { response, text, id } = await send(
      endpointId,
      proxyPath(endpointId, relative),
      { method, headers, purpose: request.purpose, ...(body !== undefined && { body }) },
      request.signal,
    );
    try {
      return readAnswer(endpointId, relative, request, response, text);
    } catch (error) {
      return tag(error, id);
    }
  }

  /** An answer as a model, or the failure it is: an error status, or a body that is no OCCI. */
  function readAnswer<S extends Structure>(
    endpointId: string,
    relative: string,
    request: RequestOptions<S>,
    response: Response,
    text: string,
  ): OcciAnswer<S> {
    if (!response.ok) {
      throw new OcciHttpError(
        endpointId,
        response.status,
        response.statusText,
        serverMessageOf(response.status, response.statusText, response.headers, text),
        undefined,
        response.headers.has(PROXY_ANSWER_HEADER),
      );
    }
    const contentType = response.headers.get('content-type');
    const rendering = renderingOf(contentType);
    const base = { status: response.status, headers: response.headers, body: text };
    if (request.structure === undefined) return { ...base, model: null, rendering };
    if (response.status === 204 || (text.trim() === '' && (contentType === null || rendering !== 'text/occi'))) {
      // ooi answers an empty list with 204.
      return { ...base, model: emptyModel(request.structure), rendering: null };
    }
    let model = parseMessage(request.structure, { contentType, headers: response.headers, body: text });
    if (request.structure === 'entity') {
      const entity = model as StructureModels['entity'];
      if (entity.location === undefined) {
        model = { ...entity, location: `/${relative.replace(/[?#].*$/, '')}` } as StructureModels[S];
      }
    }
    return { ...base, model, rendering };
  }

  async function request<S extends Structure>(endpointId: string, request: RequestOptions<S>): Promise<OcciAnswer<S>> {
    const relative = await relativePathFor(endpointId, request.path);
    if (request.accept !== undefined) return exchange(endpointId, relative, request, request.accept, true);
    if (request.body !== undefined) return write(endpointId, relative, request);
    const choice = renderingFor(endpointId);
    if (choice.source === 'override') return exchange(endpointId, relative, request, choice.mediaType, true);
    // Only what a read is answered in says which rendering reads work in; a write's `OK` says nothing.
    const remember = (answer: OcciAnswer<S>) => {
      if ((request.method ?? 'GET') === 'GET' && (answer.rendering === JSON_TYPE || answer.rendering === TEXT_TYPE))
        store.setNegotiated(endpointId, answer.rendering);
      return answer;
    };
    if (choice.source === 'negotiated') {
      return exchange(endpointId, relative, request, choice.mediaType, false).then(remember);
    }
    // Nothing known yet: OCCI JSON first, text/plain when the server shows it does not speak it.
    try {
      return remember(await exchange(endpointId, relative, request, JSON_TYPE, false));
    } catch (error) {
      if (!suggestsOtherRendering(error)) throw error;
      return remember(await exchange(endpointId, relative, request, TEXT_TYPE, true));
    }
  }

  /**
   * A request with a body: sent in the endpoint's write rendering, answered in its read rendering.
   * A body the server shows it could not read is sent again in the text renderings it has not
   * tried, and the one it takes is kept for the endpoint's next writes, with the reason in words.
   */
  async function write<S extends Structure>(
    endpointId: string,
    relative: string,
    request: RequestOptions<S>,
  ): Promise<OcciAnswer<S>> {
    const reads = renderingFor(endpointId).mediaType;
    const choice = writeRenderingFor(endpointId);
    const accept = reads === 'text/occi' ? TEXT_TYPE : reads;
    try {
      return await exchange(endpointId, relative, request, accept, false, choice.mediaType);
    } catch (error) {
      if (choice.source === 'override' || !refusesBodyRendering(error)) throw error;
      let refusal = error as Error;
      let refused = choice.mediaType;
      for (const next of TEXT_WRITES.filter((type) => type !== choice.mediaType)) {
        try {
          const answer = await exchange(endpointId, relative, request, accept, false, next);
          store.setNegotiatedWrite(endpointId, next);
          return {
            ...answer,
            renderingFallback: `The server did not read the request in ${refused} (${refusal.message}), so the console sent it again as ${next}, which it took; writes to this endpoint go as ${next} from now on.`,
          };
        } catch (again) {
          if (!refusesBodyRendering(again)) throw again;
          refusal = again as Error;
          refused = next;
        }
      }
      throw refusal;
    }
  }

  async function raw(endpointId: string, request: RawRequest): Promise<RawAnswer> {
    const relative = await relativePathFor(endpointId, request.path);
    const { response, text, id } = await send(
      endpointId,
      proxyPath(endpointId, relative),
      {
        method: request.method,
        headers: Object.entries(request.headers),
        purpose: request.purpose,
        ...(request.body !== undefined && { body: request.body }),
      },
      request.signal,
    );
    return { status: response.status, headers: [...response.headers], body: text, exchangeId: id };
  }

  async function fetchEndpoints(): Promise<readonly EndpointInfo[]> {
    const { response, text } = await send(
      'console',
      '/api/endpoints',
      { method: 'GET', headers: [['Accept', 'application/json']], purpose: 'List the endpoints the proxy offers' },
      undefined,
    );
    if (!response.ok) {
      throw new OcciHttpError(
        'console',
        response.status,
        response.statusText,
        serverMessageOf(response.status, response.statusText, response.headers, text),
        "The console's own server did not list its endpoints; reload the page, or tell its operator.",
      );
    }
    let endpoints: EndpointInfo[];
    try {
      endpoints = readEndpointList(JSON.parse(text));
    } catch (error) {
      throw new OcciHttpError(
        'console',
        response.status,
        response.statusText,
        `the endpoint list is not readable: ${error instanceof Error ? error.message : String(error)}`,
        "The console's own server sent something else than its endpoint list; is the console served by its proxy?",
      );
    }
    known.clear();
    for (const endpoint of endpoints) known.set(endpoint.id, endpoint);
    return endpoints;
  }

  async function probeEndpoint(endpointId: string, signal?: AbortSignal): Promise<EndpointProbe> {
    const renderings: OcciMediaType[] = [];
    let server: string | null = null;
    let lastError: unknown;
    for (const mediaType of [JSON_TYPE, TEXT_TYPE]) {
      try {
        const answer = await exchange(
          endpointId,
          '-/',
          {
            path: '-/',
            structure: 'categories',
            purpose: `Check endpoint ${endpointId}: query interface in ${mediaType}`,
            ...(signal !== undefined && { signal }),
          },
          mediaType,
          true,
        );
        server ??= answer.headers.get('server');
        if (answer.rendering === mediaType) renderings.push(mediaType);
      } catch (error) {
        // Only a refusal of this one rendering lets the other be tried; anything else is the answer.
        if (!suggestsOtherRendering(error)) throw error;
        lastError = error;
      }
    }
    if (renderings.length === 0) throw lastError;
    if (store.override(endpointId) === undefined) store.setNegotiated(endpointId, renderings[0] as OcciMediaType);
    return { server, occiVersions: occiVersions(server), serverProfile: serverProfileOf(server), renderings };
  }

  async function login(endpointId: string, credentials: LoginCredentials): Promise<void> {
    const body = JSON.stringify(credentials);
    // The log never holds a credential: the inspector shows which fields were sent, not their values.
    const loggedBody = JSON.stringify(
      Object.fromEntries(
        Object.entries(credentials).map(([name, value]) => [
          name,
          name === 'password' || name === 'token' ? '(hidden)' : value,
        ]),
      ),
    );
    const { response, text } = await send(
      endpointId,
      `/api/session/${encodeURIComponent(endpointId)}/login`,
      {
        method: 'POST',
        headers: [['Content-Type', 'application/json']],
        body,
        loggedBody,
        purpose: `Log in to endpoint ${endpointId}`,
      },
      undefined,
    );
    if (response.ok) return;
    const hint =
      response.status === 401
        ? 'The server did not accept these credentials; check them and try again.'
        : response.status === 400
          ? 'Fill in every field the login asks for, as the message says.'
          : undefined;
    throw new OcciHttpError(
      endpointId,
      response.status,
      response.statusText,
      serverMessageOf(response.status, response.statusText, response.headers, text),
      ...(hint === undefined ? [] : [hint]),
    );
  }

  function writeRenderingFor(endpointId: string): WriteRenderingChoice {
    const override = store.override(endpointId);
    if (override !== undefined) return { mediaType: override, source: 'override', reason: 'chosen for this endpoint' };
    const learned = store.negotiatedWrite(endpointId);
    if (learned !== undefined) {
      return {
        mediaType: learned,
        source: 'negotiated',
        reason: `the server took ${learned} where it refused another rendering`,
      };
    }
    const server = servers.get(endpointId);
    const profile = serverProfileOf(server);
    const known = writableRenderings(profile)?.[0];
    if (known !== undefined) {
      return {
        mediaType: known,
        source: 'server',
        reason: `${server ?? profile} reads requests in ${known} (it cannot read OCCI JSON)`,
      };
    }
    const reads = renderingFor(endpointId).mediaType;
    return { mediaType: reads, source: 'reads', reason: `the rendering reads use` };
  }

  function renderingFor(endpointId: string): RenderingChoice {
    const override = store.override(endpointId);
    if (override !== undefined) return { mediaType: override, source: 'override' };
    const negotiated = store.negotiated(endpointId);
    if (negotiated !== undefined) return { mediaType: negotiated, source: 'negotiated' };
    return { mediaType: JSON_TYPE, source: 'default' };
  }

  return {
    log,
    request,
    raw,
    fetchEndpoints: () => {
      // One request at a time: the start page, the model browser and the inspector all ask at once.
      if (inFlight !== undefined) return inFlight;
      const pending = fetchEndpoints().finally(() => {
        inFlight = undefined;
      });
      inFlight = pending;
      endpointsOnce = pending;
      return pending;
    },
    probeEndpoint,
    login,
    renderingFor,
    writeRenderingFor,
    setRenderingOverride: (endpointId, mediaType) => store.setOverride(endpointId, mediaType),
    endpointUrl: (endpointId) => {
      if (!known.has(endpointId) && endpointsOnce === undefined) {
        // Learn them in the background; the caller asks again on its next render.
        inFlight = fetchEndpoints().finally(() => {
          inFlight = undefined;
        });
        endpointsOnce = inFlight.catch(() => []);
      }
      return known.get(endpointId)?.url;
    },
    toProxyPath: (endpointId, path) =>
      proxyPath(endpointId, endpointRelativePath(path, known.get(endpointId)?.url) ?? path),
    relativePath: (endpointId, path) => endpointRelativePath(path, known.get(endpointId)?.url) ?? path,
    exchangeOf: (error) => (typeof error === 'object' && error !== null ? failedExchanges.get(error) : undefined),
    serverProfile: (endpointId) => serverProfileOf(servers.get(endpointId)),
    toServerPath: (endpointId, path) => {
      const url = known.get(endpointId)?.url;
      if (url === undefined) return `/${path.replace(/^\//, '')}`;
      const server = new URL(serverUrl(endpointId, path, url));
      return `${server.pathname}${server.search}`;
    },
    toServerUrl: (endpointId, path) => {
      const url = known.get(endpointId)?.url;
      return url === undefined ? undefined : serverUrl(endpointId, path, url);
    },
  };
}
