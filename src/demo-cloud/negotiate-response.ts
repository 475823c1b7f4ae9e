/**
 * Which rendering an answer is in, from the request's `Accept` (spec digest §3.7): q-values
 * honoured, the most specific matching range deciding an offer's quality, ties going to the
 * range the client listed first and then to the server's order (text/plain first, so no
 * `Accept` or `*\/*` gives text/plain).
 */
import type { OcciMediaType } from '../occi/index.ts';
import { OcciHttpError } from './occi-http-error.ts';
import type { QuirkBehaviour } from './quirks/quirk-behaviour.ts';

export interface Negotiated {
  /** The rendering the library writes. */
  readonly mediaType: OcciMediaType;
  /** The Content-Type sent: the client's own alias where it asked for one (`text/occi+plain`, `application/json`). */
  readonly contentType: string;
}

interface Offer {
  readonly type: string;
  readonly mediaType: OcciMediaType;
}

/** In the server's order of preference. */
const OFFERS: readonly Offer[] = [
  { type: 'text/plain', mediaType: 'text/plain' },
  { type: 'text/occi', mediaType: 'text/occi' },
  // OCCI 1.2 names text/plain's body rendering text/occi+plain too.
  { type: 'text/occi+plain', mediaType: 'text/plain' },
  { type: 'application/occi+json', mediaType: 'application/occi+json' },
  // rOCCI-server 2 and erocci take OCCI JSON as application/json as well.
  { type: 'application/json', mediaType: 'application/occi+json' },
  { type: 'text/uri-list', mediaType: 'text/uri-list' },
];

export const TEXT_PLAIN: Negotiated = { mediaType: 'text/plain', contentType: 'text/plain' };

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly index: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  accept.split(',').forEach((part, index) => {
    const [range = '', ...parameters] = part.split(';');
    const match = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\/([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*$/.exec(range);
    if (match === null) return;
    const type = (match[1] ?? '').toLowerCase();
    const subtype = (match[2] ?? '').toLowerCase();
    if (type === '*' && subtype !== '*') return;
    let q = 1;
    for (const parameter of parameters) {
      const [name = '', value = ''] = parameter.split('=');
      if (name.trim().toLowerCase() !== 'q') continue;
      const number = Number(value.trim());
      q = /^\s*[0-9.]+\s*$/.test(value) && Number.isFinite(number) ? Math.min(Math.max(number, 0), 1) : 0;
    }
    ranges.push({ type, subtype, q, index });
  });
  return ranges;
}

function specificity(range: MediaRange, offer: string): number {
  const [type, subtype] = offer.split('/');
  if (range.type === type && range.subtype === subtype) return 3;
  if (range.type === type && range.subtype === '*') return 2;
  if (range.type === '*') return 1;
  return 0;
}

function best(ranges: readonly MediaRange[], offers: readonly Offer[]): Offer | undefined {
  let winner: { offer: Offer; q: number; index: number } | undefined;
  for (const offer of offers) {
    let match: MediaRange | undefined;
    let matchSpecificity = 0;
    for (const range of ranges) {
      const s = specificity(range, offer.type);
      if (s > matchSpecificity) {
        match = range;
        matchSpecificity = s;
      }
    }
    if (match === undefined || match.q <= 0) continue;
    if (winner === undefined || match.q > winner.q || (match.q === winner.q && match.index < winner.index)) {
      winner = { offer, q: match.q, index: match.index };
    }
  }
  return winner?.offer;
}

const ACCEPTABLE = 'text/plain, text/occi, application/occi+json (or text/uri-list for a collection)';

/** rOCCI-server 2's answer to no Accept, `*\/*` and types it does not render (captures 05, 06, 124). */
const OCCI_JSON: Negotiated = { mediaType: 'application/occi+json', contentType: 'application/occi+json' };

function negotiated(offer: Offer): Negotiated {
  return { mediaType: offer.mediaType, contentType: offer.type };
}

/**
 * The rendering of the answer. `listing`: the answer is a collection or a location, which
 * text/uri-list can carry. Throws OcciHttpError 406 when nothing acceptable is offered, and 400
 * when the client will take nothing but text/uri-list for something that is no listing (GFD.185).
 * Under a profile whose fallback is OCCI JSON (rOCCI-server 2), wildcards and unknown types get
 * OCCI JSON, and text/uri-list for no listing is 406.
 */
export function negotiateResponse(accept: string | null, listing: boolean, behaviour: QuirkBehaviour): Negotiated {
  const text = accept?.trim() ?? '';
  const jsonFallback = behaviour.acceptFallback === 'occi-json';
  if (text === '') return jsonFallback ? OCCI_JSON : TEXT_PLAIN;
  // ooi and pyssf answer `Accept: application/json` with 406 (ooi capture 04, pyssf capture 04).
  const known = OFFERS.filter((offer) => behaviour.jsonAlias || offer.type !== 'application/json');
  const offers = listing ? known : known.filter((offer) => offer.mediaType !== 'text/uri-list');
  const all = parseAccept(text);
  const ranges = jsonFallback ? all.filter((range) => range.type !== '*' && range.subtype !== '*') : all;
  const offer = best(ranges, offers);
  if (offer !== undefined) return negotiated(offer);
  const uriListOnly = !listing && best(ranges, known) !== undefined;
  if (jsonFallback) {
    if (uriListOnly) throw new OcciHttpError(406, 'text/uri-list is offered for collections only');
    return OCCI_JSON;
  }
  if (uriListOnly) {
    throw new OcciHttpError(
      400,
      'text/uri-list can only carry a collection; ask for text/plain, text/occi or application/occi+json',
    );
  }
  throw new OcciHttpError(406, `none of the renderings in Accept (${text}) is offered here: ${ACCEPTABLE}`);
}
