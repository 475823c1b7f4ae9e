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
 * The checks each profile fails, with the setting that breaks each (src/demo-cloud/quirks); they
 * match the tests pOCCI fails against the same profile (spec digest §6.1). Settings that break
 * none, on purpose: absolute URLs (URI-references like any other), pyssf's path ids, its `OK`
 * bodies and its VMs that stay inactive (the checks act on the state they find).
 */
const EXPECTED_FAILURES: Readonly<Record<Profile, readonly string[]>> = {
  standard: [],
  ooi: [
    'discovery.text-details', // textDiscoveryDetails: false (no attributes= or actions= in text)
    'reading.actions-applicable', // advertiseAllActions (an active VM offers start)
    'reading.text-occi', // textOcciBody: '' (no OK in the body)
    'changes.create-bare-compute', // templates: 'ooi' (400 without an os_tpl)
    'changes.create-compute', // templates: 'ooi'
    'changes.create-network', // networkNeedsIpNetwork
    'changes.create-with-links', // templates: 'ooi'
    'changes.create-storagelink', // createAnswer: 'ooi' (200, not 201)
    'changes.create-networkinterface', // createAnswer: 'ooi'
    'changes.create-user-mixin', // userMixins: 'not-routed' (400)
    'changes.update', // updates: 'ooi' (PUT is a resize only)
    'changes.action', // actionAnswer: 'no-content' (204)
    'changes.actions-follow-state', // advertiseAllActions (the same actions before and after)
  ],
  rocci: [
    'discovery.default-rendering', // acceptFallback: 'occi-json' (Accept: */* gets JSON)
    'reading.text-occi', // xOcciHeaderNames, textOcciBody: ''
    'changes.create-bare-compute', // templates: 'rocci' (409 without exactly one of each)
    'changes.create-compute', // templates: 'rocci'
    'changes.create-storage', // clientIds: 'required' (409 without occi.core.id)
    'changes.create-network', // clientIds: 'required'
    'changes.create-from-templates', // clientIds: 'required' (the templates are there)
    'changes.create-with-links', // templates: 'rocci'
    'changes.create-user-mixin', // userMixins: 'not-implemented' (501)
    'changes.invalid-value-refused', // validationStatus: 409
    'changes.update', // updates: 'rocci' (PUT is 501)
    'changes.action', // actionAnswer: 'no-content' (204)
  ],
  pyssf: [
    'discovery.query-interface', // coreKindsListed: false
    'reading.numbers-unquoted', // quoteAllValues (occi.compute.cores="1")
  ],
};

/**
 * Skipped, where nothing can be judged: ooi and rOCCI-server 2 serve no mixin collections and every
 * kind of the tenant has members, so no empty collection is found.
 */
const EXPECTED_SKIPS: Readonly<Record<Profile, readonly string[]>> = {
  standard: [],
  ooi: ['reading.empty-collection'],
  rocci: ['reading.empty-collection'],
  pyssf: [],
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
      const skipped = report.results.filter((r) => r.outcome === 'skip').map((r) => r.id);
      expect(skipped).toEqual(EXPECTED_SKIPS[profile]);
      expect(report.results.map((r) => r.id)).toEqual(CONFORMANCE_CHECKS.map((c) => c.id));
      expect(report.passed + report.failed + report.skipped).toBe(CONFORMANCE_CHECKS.length);

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
