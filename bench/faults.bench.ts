/**
 * Faults under load, bigger than CI runs it (issue 14 §3; docs/faults.md): the same scenario as
 * apps/platform-e2e/src/faults.e2e-spec.ts (`runFaultScenario` in @gridline/testing), FAULTS_SCALE rounds of every
 * fault (default 5), each process killed -9 and restarted, PostgreSQL and NATS stopped and started, under a load
 * through the gateway. Run from the sources, no build: `npm run bench:faults` (FAULTS_SCALE=10 npm run bench:faults).
 * Exits 1 when a write was lost, duplicated or left half done.
 */
import { runFaultScenario } from '@gridline/testing';

async function main(): Promise<number> {
  const scale = Number(process.env.FAULTS_SCALE ?? 5);
  const started = Date.now();
  const { report, faults, seconds, logDir } = await runFaultScenario({ scale, log: (line) => process.stderr.write(`${line}\n`) });
  const slowest = [...faults].sort((a, b) => b.ms - a.ms)[0];
  process.stdout.write(
    [
      `faults bench, scale ${scale}: ${faults.length} faults in ${seconds.load.toFixed(0)} s of load (boot ${seconds.boot.toFixed(0)} s, settle ${seconds.settle.toFixed(0)} s, ${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
      `slowest fault: ${slowest?.name} (${slowest?.ms} ms down and up)`,
      `acknowledged ${report.acknowledged}, failed ${report.failed}, lost ${report.lost}, duplicated ${report.duplicated}, retried ${report.retried}, half ${report.half}, orphan events ${report.orphanEvents}`,
      ...(report.wrong.length > 0 ? [`wrong (first 10, logs kept in ${logDir}): ${JSON.stringify(report.wrong.slice(0, 10))}`] : []),
    ].join('\n') + '\n',
  );
  return report.lost + report.duplicated + report.half + report.orphanEvents === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faults bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
