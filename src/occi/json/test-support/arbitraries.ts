/**
 * fast-check arbitraries for OCCI models that any faithful rendering must carry through a round
 * trip. Shared: the JSON tests use them, and cross-rendering tests can too.
 *
 * What they keep out, because no JSON rendering can say it (see json-renderings.ts):
 * - an ActionLink `href` (1.2 JSON lists action type identifiers only);
 * - an entity `location` (renderings do not carry it);
 * - a Resource attribute `occi.core.source`/`occi.core.target` (that makes it a Link);
 * - attribute names without a dot whose value is an object (read as a rOCCI 4 namespace);
 * - `null` as a definition default (read as "no default"); -0 (JSON writes 0).
 */
import fc from 'fast-check';
import type {
  Action,
  ActionLink,
  AttributeDefinition,
  AttributeType,
  AttributeValue,
  CategoryCollection,
  Kind,
  Link,
  Mixin,
  Resource,
  TypeId,
} from '../../model.ts';

const SCHEMES = [
  'http://schemas.ogf.org/occi/core#',
  'http://schemas.ogf.org/occi/infrastructure#',
  'http://schemas.ogf.org/occi/infrastructure/compute/action#',
  'http://example.org/occi/tpl#',
  'https://cloud.example.com/occi/os_tpl#',
];

export const arbTerm: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);

export const arbScheme: fc.Arbitrary<string> = fc.constantFrom(...SCHEMES);

export const arbTypeId: fc.Arbitrary<TypeId> = fc.tuple(arbScheme, arbTerm).map(([scheme, term]) => scheme + term);

/** Dotted, never one of the occi.core.* names that have a place of their own. */
export const arbAttributeName: fc.Arbitrary<string> = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,6}(\.[a-z][a-z0-9_]{0,6}){1,3}$/)
  .filter((name) => !name.startsWith('occi.core.'));

/** Any JSON value, normalised by a JSON round trip (so no -0). */
export const arbAttributeValue: fc.Arbitrary<AttributeValue> = fc
  .jsonValue({ maxDepth: 3 })
  .map((value) => JSON.parse(JSON.stringify(value)) as AttributeValue);

// Not fc.webUrl(): building it takes over a second, every time a test file imports this module.
export const arbUri: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^https?:\/\/[a-z]{1,8}\.example\.org(:[1-9][0-9]{1,3})?\/[a-z]{1,8}\/[a-z0-9._~-]{1,12}$/),
  fc.stringMatching(/^\/[a-z]{1,8}\/[a-z0-9-]{1,12}$/),
  fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
);

const arbText: fc.Arbitrary<string> = fc.string({ maxLength: 20 });

const arbActionLinks: fc.Arbitrary<ActionLink[]> = fc.array(
  arbTypeId.map((action): ActionLink => ({ action })),
  { maxLength: 3 },
);

const arbOtherAttributes = fc.uniqueArray(fc.tuple(arbAttributeName, arbAttributeValue), {
  maxLength: 5,
  selector: ([name]) => name,
});

function attributesMap(
  core: readonly (readonly [string, string | undefined])[],
  rest: readonly (readonly [string, AttributeValue])[],
): Map<string, AttributeValue> {
  const map = new Map<string, AttributeValue>();
  for (const [name, value] of core) if (value !== undefined) map.set(name, value);
  for (const [name, value] of rest) map.set(name, value);
  return map;
}

export const arbLink: fc.Arbitrary<Link> = fc
  .record({
    kind: arbTypeId,
    mixins: fc.array(arbTypeId, { maxLength: 3 }),
    actions: arbActionLinks,
    id: fc.option(arbText, { nil: undefined }),
    title: fc.option(arbText, { nil: undefined }),
    source: fc.option(arbUri, { nil: undefined }),
    sourceKind: fc.option(arbTypeId, { nil: undefined }),
    target: arbUri,
    targetKind: fc.option(arbTypeId, { nil: undefined }),
    rest: arbOtherAttributes,
  })
  .map(
    (r): Link => ({
      entityType: 'link',
      kind: r.kind,
      mixins: r.mixins,
      actions: r.actions,
      attributes: attributesMap(
        [
          ['occi.core.id', r.id],
          ['occi.core.title', r.title],
          ['occi.core.source', r.source],
          ['occi.core.source.kind', r.source === undefined ? undefined : r.sourceKind],
          ['occi.core.target', r.target],
          ['occi.core.target.kind', r.targetKind],
        ],
        r.rest,
      ),
    }),
  );

export const arbResource: fc.Arbitrary<Resource> = fc
  .record({
    kind: arbTypeId,
    mixins: fc.array(arbTypeId, { maxLength: 3 }),
    actions: arbActionLinks,
    id: fc.option(fc.oneof(fc.uuid(), arbText), { nil: undefined }),
    title: fc.option(arbText, { nil: undefined }),
    summary: fc.option(arbText, { nil: undefined }),
    rest: arbOtherAttributes,
    links: fc.array(arbLink, { maxLength: 3 }),
  })
  .map(
    (r): Resource => ({
      entityType: 'resource',
      kind: r.kind,
      mixins: r.mixins,
      actions: r.actions,
      attributes: attributesMap(
        [
          ['occi.core.id', r.id],
          ['occi.core.title', r.title],
          ['occi.core.summary', r.summary],
        ],
        r.rest,
      ),
      links: r.links,
    }),
  );

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'array', 'object'];

/** Definition names may lack a dot: action parameters (`method`) do. */
const arbDefinitionName = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}(\.[a-z][a-z0-9_]{0,6}){0,3}$/);

export const arbAttributeDefinition: fc.Arbitrary<AttributeDefinition> = fc
  .record(
    {
      name: arbDefinitionName,
      mutable: fc.boolean(),
      required: fc.boolean(),
      type: fc.constantFrom(...ATTRIBUTE_TYPES),
      default: arbAttributeValue.filter((value) => value !== null),
      pattern: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.dictionary(fc.constantFrom('type', '$schema', 'enum'), arbAttributeValue, { noNullPrototype: true }),
      ),
      description: arbText,
    },
    { requiredKeys: ['name', 'mutable', 'required'], noNullPrototype: true },
  )
  .map((definition) => definition as AttributeDefinition);

const arbDefinitions = fc.uniqueArray(arbAttributeDefinition, { maxLength: 4, selector: (d) => d.name });

const arbTypeIds = fc.array(arbTypeId, { maxLength: 3 });

export const arbKind: fc.Arbitrary<Kind> = fc
  .record(
    {
      scheme: arbScheme,
      term: arbTerm,
      title: arbText,
      attributes: arbDefinitions,
      actions: arbTypeIds,
      parent: arbTypeId,
      location: arbUri,
    },
    { requiredKeys: ['scheme', 'term', 'attributes', 'actions'], noNullPrototype: true },
  )
  .map((kind): Kind => ({ class: 'kind', ...kind }));

export const arbMixin: fc.Arbitrary<Mixin> = fc
  .record(
    {
      scheme: arbScheme,
      term: arbTerm,
      title: arbText,
      attributes: arbDefinitions,
      actions: arbTypeIds,
      depends: arbTypeIds,
      applies: arbTypeIds,
      location: arbUri,
    },
    { requiredKeys: ['scheme', 'term', 'attributes', 'actions', 'depends', 'applies'], noNullPrototype: true },
  )
  .map((mixin): Mixin => ({ class: 'mixin', ...mixin }));

export const arbAction: fc.Arbitrary<Action> = fc
  .record(
    { scheme: arbScheme, term: arbTerm, title: arbText, attributes: arbDefinitions },
    { requiredKeys: ['scheme', 'term', 'attributes'], noNullPrototype: true },
  )
  .map((action): Action => ({ class: 'action', ...action }));

export const arbCategoryCollection: fc.Arbitrary<CategoryCollection> = fc.record(
  {
    kinds: fc.array(arbKind, { maxLength: 3 }),
    mixins: fc.array(arbMixin, { maxLength: 3 }),
    actions: fc.array(arbAction, { maxLength: 3 }),
  },
  { noNullPrototype: true },
);
