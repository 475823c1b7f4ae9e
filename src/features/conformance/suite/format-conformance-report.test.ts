import { describe, expect, it } from 'vitest';
import type { CheckResult, ConformanceReport } from './conformance-types.ts';
import { formatConformanceReport } from './format-conformance-report.ts';

const PASS: CheckResult = {
  id: 'discovery.query-interface',
  title: 'The query interface answers 200',
  group: 'discovery',
  spec: 'GFD.223 §9.1 Query Interface, GET',
  etsi: 'OCCI/CORE/DISCOVERY/001',
  outcome: 'pass',
  reason: '200 in text/plain',
  exchanges: [1],
  durationMs: 12,
};

const FAIL: CheckResult = {
  id: 'changes.create-bare-compute',
  title: 'A compute is created: 201 Created',
  group: 'changes',
  spec: 'GFD.223 §11.3.1 Create Entity Instance',
  etsi: 'OCCI/CORE/CREATE/001',
  outcome: 'fail',
  reason: 'answered 200 instead of 201',
  deviation: 'ooi answers a create with 200',
  exchanges: [2, 3],
  durationMs: 30,
};

const SKIP: CheckResult = {
  id: 'reading.numbers-unquoted',
  title: 'Numbers are bare',
  group: 'reading',
  spec: 'GFD.229 §4.3 Attribute ABNF',
  outcome: 'skip',
  reason: 'no number attribute',
  exchanges: [],
  durationMs: 0,
};

const REPORT: ConformanceReport = {
  results: [PASS, SKIP, FAIL],
  passed: 1,
  failed: 1,
  skipped: 1,
  cleanup: { removed: ['/compute/1'], leftBehind: ['/storage/2'] },
};

describe('formatConformanceReport', () => {
  it('groups the checks, one line each with reason, deviation, spec and ETSI test, and sums up', () => {
    const text = formatConformanceReport(REPORT, {
      url: 'http://cloud.example/',
      allowChanges: true,
      durationMs: 1234,
      exchanges: [
        { id: 2, method: 'POST', url: 'http://cloud.example/compute/', purpose: 'p', status: 200, durationMs: 5 },
        {
          id: 3,
          method: 'GET',
          url: 'http://cloud.example/compute/',
          purpose: 'p',
          failure: 'no answer within 30000 ms',
          durationMs: 5,
        },
      ],
    });
    expect(text).toBe(`OCCI conformance of http://cloud.example/ (changes allowed)

Discovery
  PASS  discovery.query-interface    The query interface answers 200
        why:       200 in text/plain
        spec:      GFD.223 §9.1 Query Interface, GET
        etsi:      OCCI/CORE/DISCOVERY/001

Reading
  SKIP  reading.numbers-unquoted     Numbers are bare
        why:       no number attribute
        spec:      GFD.229 §4.3 Attribute ABNF

Changes
  FAIL  changes.create-bare-compute  A compute is created: 201 Created
        why:       answered 200 instead of 201
        deviation: ooi answers a create with 200
        spec:      GFD.223 §11.3.1 Create Entity Instance
        etsi:      OCCI/CORE/CREATE/001
        requests:  POST http://cloud.example/compute/ → 200
                   GET http://cloud.example/compute/ → no answer (no answer within 30000 ms)

Clean-up: removed 1, left behind 1
  left behind: /storage/2

3 checks: 1 passed, 1 failed, 1 skipped in 1234 ms
`);
  });

  it('leaves out what it was not given', () => {
    const text = formatConformanceReport({
      ...REPORT,
      results: [PASS],
      failed: 0,
      skipped: 0,
      cleanup: { removed: [], leftBehind: [] },
    });
    expect(text).toBe(`Discovery
  PASS  discovery.query-interface  The query interface answers 200
        why:       200 in text/plain
        spec:      GFD.223 §9.1 Query Interface, GET
        etsi:      OCCI/CORE/DISCOVERY/001

1 checks: 1 passed, 0 failed, 0 skipped
`);
  });
});
