/**
 * Retries an assertion until it passes or the time is up, for asynchronous consumers
 * (instead of sleeping a fixed time). The last failure is what the test reports.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const interval = options.intervalMs ?? 50;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}
