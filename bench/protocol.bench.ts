/**
 * `npm run bench`: parse and render speed of the protocol library, per rendering, with
 * `JSON.parse` of the same model's JSON as the floor. Prints MB/s and microseconds per item.
 *
 * A text rendering carries one entity per message, so the 10,000 entities are 10,000 text
 * messages; JSON carries them as one `{"resources": [...]}` collection.
 */
import {
  type OcciMediaType,
  parseMessage,
  type RenderedMessage,
  renderMessage,
  type Structure,
  type StructureModels,
} from '../src/occi/index.ts';
import { sampleCategories, sampleResource } from './sample-models.ts';

const CATEGORIES = 2_000;
const ENTITIES = 10_000;

interface Row {
  readonly workload: string;
  readonly operation: string;
  readonly bytes: number;
  readonly items: number;
  readonly ms: number;
  readonly floorMs?: number;
}

/** Median time of repeated runs after a warm-up, so one GC pause does not decide a figure. */
function time(run: () => void): number {
  run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < 1500 && samples.length < 50)) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

function sizeOf(message: RenderedMessage): number {
  let bytes = Buffer.byteLength(message.body);
  for (const [name, value] of message.headers) bytes += Buffer.byteLength(`${name}: ${value}\r\n`);
  return bytes;
}

function bench<S extends Structure>(
  workload: string,
  structure: S,
  models: readonly StructureModels[S][],
  mediaType: OcciMediaType,
  items: number,
  floor?: () => void,
): Row[] {
  const rendered = models.map((model) => renderMessage(structure, model, mediaType));
  const bytes = rendered.reduce((sum, message) => sum + sizeOf(message), 0);
  const renderMs = time(() => {
    for (const model of models) renderMessage(structure, model, mediaType);
  });
  const parseMs = time(() => {
    for (const message of rendered) parseMessage(structure, message);
  });
  const floorMs = floor === undefined ? undefined : time(floor);
  return [
    {
      workload,
      operation: `parse ${mediaType}`,
      bytes,
      items,
      ms: parseMs,
      ...(floorMs === undefined ? {} : { floorMs }),
    },
    { workload, operation: `render ${mediaType}`, bytes, items, ms: renderMs },
  ];
}

const categories = sampleCategories(CATEGORIES);
const resources = Array.from({ length: ENTITIES }, (_, i) => sampleResource(i));
const collection: StructureModels['entity-collection'] = { locations: [], resources, links: [] };
const categoriesJson = renderMessage('categories', categories, 'application/occi+json').body;
const collectionJson = renderMessage('entity-collection', collection, 'application/occi+json').body;
const categoriesFloor = () => JSON.parse(categoriesJson);
const entitiesFloor = () => JSON.parse(collectionJson);

const rows: Row[] = [
  {
    workload: `query interface, ${CATEGORIES} categories`,
    operation: 'JSON.parse (floor)',
    bytes: categoriesJson.length,
    items: CATEGORIES,
    ms: time(categoriesFloor),
  },
  ...bench(
    `query interface, ${CATEGORIES} categories`,
    'categories',
    [categories],
    'text/plain',
    CATEGORIES,
    categoriesFloor,
  ),
  ...bench(
    `query interface, ${CATEGORIES} categories`,
    'categories',
    [categories],
    'text/occi',
    CATEGORIES,
    categoriesFloor,
  ),
  ...bench(
    `query interface, ${CATEGORIES} categories`,
    'categories',
    [categories],
    'application/occi+json',
    CATEGORIES,
    categoriesFloor,
  ),
  {
    workload: `${ENTITIES} full entities`,
    operation: 'JSON.parse (floor)',
    bytes: collectionJson.length,
    items: ENTITIES,
    ms: time(entitiesFloor),
  },
  ...bench(`${ENTITIES} full entities`, 'entity', resources, 'text/plain', ENTITIES, entitiesFloor),
  ...bench(`${ENTITIES} full entities`, 'entity', resources, 'text/occi', ENTITIES, entitiesFloor),
  ...bench(
    `${ENTITIES} full entities`,
    'entity-collection',
    [collection],
    'application/occi+json',
    ENTITIES,
    entitiesFloor,
  ),
];

const table = rows.map((row) => ({
  workload: row.workload,
  operation: row.operation,
  'size (MB)': (row.bytes / 1e6).toFixed(2),
  'time (ms)': row.ms.toFixed(1),
  'MB/s': (row.bytes / 1e6 / (row.ms / 1000)).toFixed(1),
  'µs/item': ((row.ms * 1000) / row.items).toFixed(2),
  'x JSON.parse': row.floorMs === undefined ? '' : (row.ms / row.floorMs).toFixed(2),
}));
console.log(`OCCI protocol library, Node ${process.version}`);
console.table(table);
const target = rows.find((row) => row.workload.includes('entities') && row.operation === 'parse text/plain');
if (target?.floorMs !== undefined) {
  const ratio = target.ms / target.floorMs;
  console.log(`text/plain entity parsing is ${ratio.toFixed(2)}x JSON.parse of the same model (target: within 4x).`);
}
