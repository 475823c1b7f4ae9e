/**
 * The suite against the demo cloud in each quirk profile, changes allowed: `standard` passes every
 * check, and each other profile fails exactly the checks its flags break (src/demo-cloud/quirks),
 * each failure naming the deviation. Whatever the run made is gone afterwards.
 */
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CHECKS } from './conformance-checks.ts';
import { CHANGES_NOT_ALLOWED, runConformance } from './run-conformance.ts';
import { demoServer, demoTransport, inventory, type Profile, useDemoCloud } from './test-support/demo-endpoint.ts';

const server = demoServer();

/**
 * The checks each profile fails, with the flag that breaks each. Flags that break none, on
 * purpose: ooi's `absoluteUrls` (absolute URLs are URI-references like any other), pyssf's
 * `idIsPath` (a path is a unique id) and `createBodyOk` (its 201 carries Location).
 */
const EXPECTED_FAILURES: Readonly<Record<Profile, readonly string[]>> = {
  standard: [],
  ooi: [
    'discovery.text-details', // textDiscoveryDetails: false (no attributes= or actions= in text)
    'reading.actions-applicable', // advertiseAllActions (an active VM offers start)
    'reading.empty-collection', // noContentWhenEmpty (204 for an empty collection)
    'changes.create-bare-compute', // createdWithLocationBody (200 + X-OCCI-Location, not 201 + Location)
    'changes.action', // noContentWhenEmpty (204 for an action)
    'changes.actions-follow-state', // advertiseAllActions (the same actions before and after)
  ],
  rocci: [
    'discovery.json-media-type', // jsonContentType: 'application/json'
    'discovery.default-rendering', // wildcardAcceptRefused (406 for Accept: */*)
    'reading.text-occi', // xOcciHeaderNames (X-OCCI-Category, X-OCCI-Link, Location lists)
    'changes.create-bare-compute', // templatesRequired (a compute without os_tpl and resource_tpl: 409)
    'changes.create-compute', // templatesRequired (and clientIdRequired behind it)
    'changes.create-storage', // clientIdRequired (no occi.core.id: 409)
    'changes.create-network', // clientIdRequired
    'changes.create-from-templates', // clientIdRequired (the templates are there)
    'changes.create-with-links', // templatesRequired (and clientIdRequired behind it)
    'changes.invalid-value-refused', // validationStatus: 409
  ],
  pyssf: [
    'reading.numbers-unquoted', // quoteAllValues (occi.compute.cores="1")
  ],
};

describe('the conformance suite against the demo cloud', () => {
  it.each(Object.entries(EXPECTED_FAILURES) as [Profile, readonly string[]][])(
    '%s fails exactly the checks its quirks break, and leaves nothing behind',
    async (profile, expected) => {
      useDemoCloud(server, profile);
      const before = await inventory();
      const report = await runConformance({ transport: demoTransport().transport, allowChanges: true });

      const failed = report.results.filter((r) => r.outcome === 'fail');
      expect(failed.map((r) => r.id).sort()).toEqual([...expected].sort());
      // Every failure here is a deviation real servers show, and says whose.
      for (const result of failed) expect(result.deviation, result.id).toEqual(expect.any(String));
      expect(report.skipped).toBe(0);
      expect(report.results.map((r) => r.id)).toEqual(CONFORMANCE_CHECKS.map((c) => c.id));
      expect(report.passed + report.failed).toBe(CONFORMANCE_CHECKS.length);

      expect(report.cleanup.leftBehind).toEqual([]);
      expect(report.cleanup.removed.length).toBeGreaterThan(0);
      expect(await inventory()).toEqual(before);
    },
  );

  it('standard passes every check that reads, and skips every change, when changes are not allowed', async () => {
    useDemoCloud(server, 'standard');
    const report = await runConformance({ transport: demoTransport().transport, allowChanges: false });
    expect(report.failed).toBe(0);
    for (const result of report.results) {
      if (result.group === 'changes') expect(result).toMatchObject({ outcome: 'skip', reason: CHANGES_NOT_ALLOWED });
      else expect(result.outcome, `${result.id}: ${result.reason}`).toBe('pass');
    }
    expect(report.cleanup).toEqual({ removed: [], leftBehind: [] });
  });
});
