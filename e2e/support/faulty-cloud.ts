import type { DemoCloud } from '../../src/demo-cloud/demo-cloud-options.ts';

/**
 * A demo cloud that fails on demand. `POST /__faults` with a {@link Fault} as JSON makes the requests
 * it matches fail that way until `DELETE /__faults/<id>` (the id is in the answer) or until `times`
 * of them have; every other request goes to the demo cloud unchanged.
 */

export type FaultKind = 'status-500' | 'status-400' | 'delay' | 'malformed';

export interface Fault {
  readonly method: string;
  /** The path as the cloud sees it (`/compute/`, `/compute/<id>`), query string aside. */
  readonly path: string;
  readonly fault: FaultKind;
  /**
   * Only requests with this text in a header value or in the body: a name unique to one journey, so
   * journeys running side by side on this one cloud never take each other's faults.
   */
  readonly matching?: string;
  /** How many matching requests fail; unbounded when absent. */
  readonly times?: number;
  /** The server's words in a `status-*` answer. */
  readonly message?: string;
}

export const FAULT_CONTROL_PATH = '/__faults';

const FAULT_KINDS: readonly FaultKind[] = ['status-500', 'status-400', 'delay', 'malformed'];

/** What a `malformed` fault answers: text/plain whose second line has no colon after its name. */
export const MALFORMED_TEXT_PLAIN =
  'Category: compute; scheme="http://schemas.ogf.org/occi/infrastructure#"; class="kind"\n' +
  'X-OCCI-Attribute occi.core.title="missing its colon"\n';

interface ActiveFault extends Fault {
  remaining: number;
}

export function faultyCloud(cloud: DemoCloud, options: { readonly delayMs: number }): DemoCloud {
  const faults = new Map<string, ActiveFault>();
  let nextId = 1;

  async function control(request: Request, url: URL): Promise<Response> {
    if (request.method === 'POST' && url.pathname === FAULT_CONTROL_PATH) {
      const fault = readFault(await request.text());
      if (typeof fault === 'string') return new Response(`${fault}\n`, { status: 400 });
      const id = String(nextId++);
      faults.set(id, { ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
      return Response.json({ id }, { status: 201 });
    }
    const id = url.pathname.slice(FAULT_CONTROL_PATH.length + 1);
    if (request.method === 'DELETE' && faults.delete(id)) return new Response(null, { status: 204 });
    return new Response('no such fault\n', { status: 404 });
  }

  async function matchingFault(request: Request, url: URL): Promise<ActiveFault | undefined> {
    for (const [id, fault] of faults) {
      if (fault.method.toUpperCase() !== request.method.toUpperCase() || fault.path !== url.pathname) continue;
      if (fault.matching !== undefined && !(await textOf(request)).includes(fault.matching)) continue;
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.delete(id);
      return fault;
    }
    return undefined;
  }

  return {
    async handle(request) {
      const url = new URL(request.url);
      if (url.pathname === FAULT_CONTROL_PATH || url.pathname.startsWith(`${FAULT_CONTROL_PATH}/`)) {
        return control(request, url);
      }
      const fault = await matchingFault(request, url);
      switch (fault?.fault) {
        case undefined:
          return cloud.handle(request);
        case 'status-500':
          return plain(500, fault.message ?? 'Internal Server Error: the compute service failed');
        case 'status-400':
          return plain(400, fault.message ?? 'Bad Request: the request is not valid');
        case 'malformed':
          return new Response(MALFORMED_TEXT_PLAIN, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          return cloud.handle(request);
      }
    },
  };
}

/** Header values and body, for `matching`; the body is read from a clone, so the cloud still gets it. */
async function textOf(request: Request): Promise<string> {
  const body = request.body === null ? '' : await request.clone().text();
  return `${[...request.headers.values()].join('\n')}\n${body}`;
}

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

function readFault(text: string): Fault | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'the fault must be JSON: {"method", "path", "fault", "matching"?, "times"?, "message"?}';
  }
  const fault = raw as Partial<Record<keyof Fault, unknown>>;
  if (typeof fault.method !== 'string' || typeof fault.path !== 'string') return 'method and path are required';
  if (!FAULT_KINDS.includes(fault.fault as FaultKind)) return `fault must be one of ${FAULT_KINDS.join(', ')}`;
  if (fault.matching !== undefined && typeof fault.matching !== 'string') return 'matching must be a text';
  if (fault.message !== undefined && typeof fault.message !== 'string') return 'message must be a text';
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && (fault.times as number) > 0)) {
    return 'times must be a positive integer';
  }
  return raw as Fault;
}
