import { performance } from "node:perf_hooks";

export type Figures = {
  count: number;
  errors: number;
  /** Completed operations per second over the phase. */
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
};

/** What a phase, or several rounds of it, recorded. */
export type Samples = {
  durations: number[];
  errors: number;
  elapsedMs: number;
  failures: string[];
};

export const noSamples = (): Samples => ({ durations: [], errors: 0, elapsedMs: 0, failures: [] });

export function merge(into: Samples, more: Samples): Samples {
  return {
    durations: [...into.durations, ...more.durations],
    errors: into.errors + more.errors,
    elapsedMs: into.elapsedMs + more.elapsedMs,
    failures: [...into.failures, ...more.failures].slice(0, 3),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function summarize({ durations, errors, elapsedMs }: Omit<Samples, "failures">): Figures {
  const sorted = [...durations].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    errors,
    perSecond: round((sorted.length / elapsedMs) * 1000),
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.length ? total / sorted.length : Number.NaN),
  };
}

/**
 * Runs `operation` once per context, `concurrency` at a time, timing each; `worker` says which
 * of the concurrent users runs it. Contexts are made beforehand, so what they cost (an Okta
 * dashboard sign-in, say) is not measured. The first errors are kept for the report.
 */
export async function runConcurrently<T>(
  contexts: T[],
  concurrency: number,
  operation: (context: T, worker: number) => Promise<void>,
): Promise<Samples> {
  const samples = noSamples();
  let next = 0;

  const worker = async (_: unknown, index: number) => {
    while (next < contexts.length) {
      const context = contexts[next++]!;
      const started = performance.now();
      try {
        await operation(context, index);
        samples.durations.push(performance.now() - started);
      } catch (error) {
        samples.errors++;
        if (samples.failures.length < 3)
          samples.failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, contexts.length) }, worker));
  samples.elapsedMs = performance.now() - started;
  return samples;
}
