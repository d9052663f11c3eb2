/**
 * Runs measures one after another and prints `BENCH <name> <value>` for each. A measure that throws, or
 * returns no finite number, prints its reason to stderr and the rest still run.
 */
export interface Measure {
  name: string;
  run: () => Promise<number>;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** Resolves to the number of measures that failed. */
export async function runMeasures(measures: readonly Measure[]): Promise<number> {
  let failures = 0;
  for (const measure of measures) {
    try {
      const value = await measure.run();
      if (!Number.isFinite(value)) throw new Error(`returned ${value}, not a finite number`);
      console.log(`BENCH ${measure.name} ${format(value)}`);
    } catch (err) {
      failures += 1;
      console.error(`bench ${measure.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  return failures;
}
