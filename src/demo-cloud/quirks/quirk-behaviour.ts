import type { QuirkProfile } from '../demo-cloud-options.ts';

export type UrlForm = 'absolute' | 'relative';

/** Which URLs an answer writes absolute, on the request's origin, and which as paths. */
export interface UrlStyle {
  /**
   * Entity locations listed or answered: `X-OCCI-Location` and `Location` (text/plain lines or
   * text/occi headers), uri-lists, the locations of a JSON create answer.
   */
  readonly locations: UrlForm;
  /**
   * URLs inside an entity's rendering: its action links, an inline link's `<target>` and `self`,
   * and `occi.core.source`/`occi.core.target`.
   */
  readonly links: UrlForm;
  /** Category `location=` in the query interface; `absolute-in-text`: absolute in text, paths in JSON. */
  readonly categories: UrlForm | 'absolute-in-text';
  /** Mixin locations end in `/` (rOCCI-server 2 writes `/mixin/os_tpl/appl0`). */
  readonly mixinTrailingSlash: boolean;
}

/**
 * How a create is answered:
 * - `standard`: 201, `Location`, and the location in the body too (an `X-OCCI-Location` line or
 *   header, a uri-list, the entity in JSON).
 * - `ooi`: 200 and never a `Location` header; text/occi an `X-OCCI-Location` header and an empty
 *   body, text/plain an `X-OCCI-Location:` line, JSON `{"resources":[...]}` naming the entity by
 *   kind, id, title and actions, with no location anywhere.
 * - `rocci`: 201; text/plain an `X-OCCI-Location:` line and no `Location` header, text/occi a
 *   `Location` header, JSON a bare array of absolute URLs.
 * - `pyssf`: 201, `Location`, and the body `OK`.
 */
export type CreateAnswer = 'standard' | 'ooi' | 'rocci' | 'pyssf';

/**
 * What a client's `occi.core.id` on create does:
 * - `honoured`: it becomes the id in the URL (409 when taken).
 * - `required`: the same, and a create without one is refused (rOCCI-server 2).
 * - `ignored`: the server picks its own id and forgets the client's (ooi).
 * - `kept-as-attribute`: the URL gets a server UUID, the attribute keeps the client's value (pyssf).
 */
export type ClientIds = 'honoured' | 'required' | 'ignored' | 'kept-as-attribute';

/**
 * What POST and PUT on an entity do:
 * - `standard`: POST is a partial update, PUT a full one (GFD.223).
 * - `ooi`: POST without `?action=` is 400 (`Invalid action None provided.`); PUT takes exactly one
 *   resource_tpl mixin (a resize) and ignores attributes; any other mixin is 400.
 * - `rocci`: POST takes mixins only (attributes are 400); PUT is 501.
 * - `pyssf`: POST merges the attributes and ignores mixins; PUT needs the kind, replaces the
 *   attributes and keeps the mixins.
 */
export type UpdateRules = 'standard' | 'ooi' | 'rocci' | 'pyssf';

/**
 * Which templates a compute create needs: none, ooi's (an os_tpl and a resource_tpl, 400
 * `Missing OCCI types: '<scheme>'.`), or rOCCI-server 2's (exactly one of each, 409).
 */
export type TemplateRule = 'none' | 'ooi' | 'rocci';

/** What an answer with nothing to say is: a 200 with an empty rendering, a 204, or pyssf's `OK`. */
export type NothingToSay = 'empty' | 'no-content' | 'ok';

/**
 * text/occi error answers: the message in the body and `X-OCCI-Error` (standard), in
 * `X-OCCI-Error` only with an empty body (rOCCI-server 2), or nowhere, an empty body (ooi).
 */
export type TextOcciErrors = 'message-and-header' | 'header-only' | 'empty';

/** Where the user-mixin operations of the query interface (POST and DELETE `/-/`) stand. */
export type UserMixins =
  /** Added and removed (GFD.223; pyssf). */
  | 'supported'
  /** 501 (rOCCI-server 2). */
  | 'not-implemented'
  /** Not routed: POST is 400, DELETE is answered as a GET (ooi). */
  | 'not-routed';

/** Mixin collections: served (GFD.223; pyssf), 404 (ooi has none), 501 (rOCCI-server 2). */
export type MixinCollections = 'served' | 'not-found' | 'not-implemented';

/**
 * What a quirk profile changes in the demo cloud's answers. Every setting reproduces what a real
 * server was measured doing (ooi 1.2.1, pyssf 0.4.8, rOCCI-server 2.0.4: the captures behind the
 * spec digest §4.8 and §5); `standard` is OCCI 1.2 as written, and pOCCI's reading of it where
 * the spec leaves a choice.
 */
export interface QuirkBehaviour {
  readonly profile: QuirkProfile;
  /** The `Server` header, exactly as the server sends it. */
  readonly serverHeader: string;
  /** Parameters after every Content-Type of an answer (`; charset=utf8`), or ''. */
  readonly contentTypeParameters: string;
  /** Status of a request the model refuses (a missing or bad attribute, a mixin that does not apply). */
  readonly validationStatus: 400 | 409;
  readonly urls: UrlStyle;
  readonly createAnswer: CreateAnswer;
  readonly clientIds: ClientIds;
  /**
   * OCCI JSON writes are read as rOCCI-server 2 reads them: `occi.core.*` from `attributes` only
   * (top-level `id`, `title`, `summary`, `source`, `target` are ignored), and a create without the
   * top-level `id` (a link's without `source` and `target`) is 400, as its JSON schema wants them.
   */
  readonly jsonCoreInAttributes: boolean;
  readonly updates: UpdateRules;
  readonly templates: TemplateRule;
  /** A network create needs the ipnetwork mixin (ooi, over nova-network). */
  readonly networkNeedsIpNetwork: boolean;
  /** `occi.storage.size` is required on create (ooi; rOCCI-server 2 and pyssf take a volume without). */
  readonly storageSizeRequired: boolean;
  /** An action answers with the entity (200) or with 204. */
  readonly actionAnswer: 'entity' | 'no-content';
  /** Status of an action that does not apply in the entity's state. */
  readonly actionRefusedStatus: 400 | 409;
  /** Every action of the entity's categories is advertised, whatever its state. */
  readonly advertiseAllActions: boolean;
  /** New resources reach their working state (active, online); false: they stay as created (pyssf). */
  readonly resourcesSettle: boolean;
  /** A DELETE's answer. */
  readonly deleteAnswer: NothingToSay;
  /** An empty collection: 200 with an empty rendering, or 204 (`no-content-in-text`: 204 in text, JSON `{}`). */
  readonly emptyCollection: 'empty' | 'no-content' | 'no-content-in-text';
  /** OCCI JSON collections list each entity by kind, id, title and actions only: no state, no mixins. */
  readonly namesOnlyInJsonCollections: boolean;
  /**
   * OCCI JSON collections and a resource's inline links carry occi.core.id; false: neither does,
   * a collection entry is named by its action links only and a link by nothing (pyssf).
   */
  readonly idsInJsonListings: boolean;
  /** `occi.compute.memory` in MiB, nova's flavour RAM (ooi), instead of GiB. */
  readonly memoryInMiB: boolean;
  /** The query interface lists the core Kinds entity, resource and link. */
  readonly coreKindsListed: boolean;
  /** Text renderings of the query interface carry `attributes=` and `actions=`. */
  readonly textDiscoveryDetails: boolean;
  /** A `Category` filter on `/-/` is honoured. */
  readonly discoveryFilter: boolean;
  readonly userMixins: UserMixins;
  readonly mixinCollections: MixinCollections;
  /** No `Accept`, `*\/*`, or only types it does not render: text/plain (GFD.185) or OCCI JSON (rOCCI-server 2). */
  readonly acceptFallback: 'text/plain' | 'occi-json';
  /** `Accept: application/json` is answered in OCCI JSON (labelled so), or refused with 406. */
  readonly jsonAlias: boolean;
  /** Status of a request body in a type the server does not read: 415, or 406 as all three real servers. */
  readonly unreadableBodyStatus: 406 | 415;
  /** Request bodies in OCCI JSON are read; false: 500, as pyssf has no JSON parser. */
  readonly jsonWrites: boolean;
  /** The body of a text/occi answer: `OK` (GFD.185), or empty (ooi, rOCCI-server 2). */
  readonly textOcciBody: 'OK' | '';
  readonly textOcciErrors: TextOcciErrors;
  /** Errors are always text/plain, whatever was asked for (pyssf). */
  readonly errorsInTextPlain: boolean;
  /** The JSON body of an error answer. */
  jsonError(status: number, message: string): unknown;
  /** A client asking only for an OCCI version above 1.2 gets 501; false: the User-Agent is not read (pyssf). */
  readonly versionChecked: boolean;
  /** Collections and `/-/` must be named with their trailing slash (pyssf answers `/compute` 404). */
  readonly trailingSlashRequired: boolean;
  /** `occi.core.id` is rendered as the entity's path. */
  readonly idIsPath: boolean;
  /** Numbers and booleans are quoted in text renderings. */
  readonly quoteAllValues: boolean;
  /** text/plain bodies start with an empty line (pyssf). */
  readonly leadingBlankLine: boolean;
  /** A uri-list starts with a `# uri:<collection path>` comment (pyssf). */
  readonly uriListComment: boolean;
  /** text/occi answers use `X-OCCI-Category` and `X-OCCI-Link`, and list locations in `Location`. */
  readonly xOcciHeaderNames: boolean;
  /** A resource in text/occi with no links or actions carries an empty `X-OCCI-Link:` header (rOCCI-server 2). */
  readonly emptyLinkHeader: boolean;
}
