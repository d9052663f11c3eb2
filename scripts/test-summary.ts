/**
 * Adds up the counts vitest and Playwright print at the end of each tier and prints one plain
 * `N passed, N failed, N skipped` line, so the whole run has a single closing line.
 */
import { readFileSync } from 'node:fs';

export interface TestTotals {
  passed: number;
  failed: number;
  skipped: number;
}

const ansi = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

export function summarise(output: string): TestTotals {
  const totals: TestTotals = { passed: 0, failed: 0, skipped: 0 };
  for (const line of output.replace(ansi, '').split('\n')) {
    // vitest: "      Tests  9 failed | 485 passed | 2 skipped (496)"
    const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
    // Playwright: "  14 passed (1.7m)", "  2 failed", "  1 skipped", "  1 flaky"
    const playwright = /^\s+(\d+) (passed|failed|skipped|flaky)\b/.exec(line);
    if (vitest?.[1]) {
      for (const [, count, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind as keyof TestTotals] += Number(count);
    } else if (playwright?.[1] && playwright[2]) {
      // A flaky test passed only on retry: count it as a failure, CI allows no retries.
      totals[playwright[2] === 'flaky' ? 'failed' : (playwright[2] as keyof TestTotals)] += Number(playwright[1]);
    }
  }
  return totals;
}

if (process.argv[1]?.endsWith('test-summary.ts')) {
  const { passed, failed, skipped } = summarise(readFileSync(process.argv[2] ?? '/dev/stdin', 'utf8'));
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
}
