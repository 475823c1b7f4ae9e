/**
 * The one error the demo cloud's handlers throw: "answer with this status and this message".
 * `createDemoCloud` turns it into an OCCI error response in the negotiated rendering.
 */
export interface OcciHttpErrorOptions {
  /** Headers the answer must carry, such as `Allow` on a 405. */
  readonly headers?: readonly (readonly [string, string])[];
  /**
   * The request broke a rule of the model (a missing or bad attribute, a mixin that does not
   * apply): 400 by the spec, but rOCCI-server 2 answers every validation failure with 409.
   */
  readonly validation?: boolean;
}

export class OcciHttpError extends Error {
  override readonly name = 'OcciHttpError';
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly validation: boolean;

  constructor(status: number, message: string, options: OcciHttpErrorOptions = {}) {
    super(message);
    this.status = status;
    this.headers = options.headers ?? [];
    this.validation = options.validation ?? false;
  }
}

export function isOcciHttpError(error: unknown): error is OcciHttpError {
  return error instanceof Error && error.name === 'OcciHttpError';
}

/** 400 for a request the model does not allow (409 under the rocci profile). */
export function invalidRequest(message: string): OcciHttpError {
  return new OcciHttpError(400, message, { validation: true });
}
