/**
 * The demo cloud as feature tests see it: its model (the query interface it serves, and the type
 * ids of its templates and tags) and a fresh tenant's msw handlers, so a test that changes the
 * tenant leaves the next one untouched.
 */
import { createDemoCloud } from '../demo-cloud/create-demo-cloud.ts';
import type { DemoCloudOptions } from '../demo-cloud/demo-cloud-options.ts';
import { DEMO_CLOUD_PREFIX, demoCloudHandlers } from './demo-cloud-handlers.ts';

export {
  demoCategories,
  FLAVORS,
  flavorId,
  OS_IMAGES,
  osImageId,
  USER_TAGS,
  userTagId,
} from '../demo-cloud/demo-categories.ts';

/**
 * Handlers for a new demo cloud, for `server.resetHandlers(...freshDemoHandlers(), ...)`;
 * `upstream` is the origin the cloud sees its requests on (demoCloudHandlers).
 */
export function freshDemoHandlers(options: DemoCloudOptions = {}, prefix = DEMO_CLOUD_PREFIX, upstream?: string) {
  return demoCloudHandlers(createDemoCloud(options), prefix, upstream);
}
