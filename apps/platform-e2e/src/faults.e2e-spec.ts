import { runFaultScenario, type FaultScenarioResult } from '@gridline/testing';

// Issue 14 §3, faults under load: the platform on a PostgreSQL cluster and a NATS server of the suite's own, each
// service an OS process; while a load creates units, reports cases and takes (and dispatches) appeals through the
// gateway, each process is killed (-9) and started again, PostgreSQL is stopped and started, NATS is killed and
// started. FAULTS_SCALE (default 1: the CI size) runs more writes and rounds of faults (docs/faults.md).
const SCALE = Number(process.env.FAULTS_SCALE ?? 1);

describe('faults under load', () => {
  let result: FaultScenarioResult;

  beforeAll(async () => {
    result = await runFaultScenario({ scale: SCALE, log: (line) => process.stdout.write(`${line}\n`) });
  }, 600_000 * SCALE);

  it('keeps every acknowledged write once, with one event and one effect in each consumer', () => {
    const { report } = result;
    expect(result.faults.map((f) => f.name)).toHaveLength(7 * SCALE);
    expect(report.acknowledged).toBeGreaterThan(7 * 20 * SCALE);
    // The faults hit the load: requests were refused or timed out and sent again with their key.
    expect(report.retried).toBeGreaterThan(0);
    expect({ lost: report.lost, duplicated: report.duplicated, wrong: report.wrong.slice(0, 5) }).toEqual({ lost: 0, duplicated: 0, wrong: [] });
  });

  it('leaves failed writes absent or complete, never half, and no event without its record', () => {
    expect({ half: result.report.half, orphanEvents: result.report.orphanEvents }).toEqual({ half: 0, orphanEvents: 0 });
  });
});
