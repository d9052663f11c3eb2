import { describe, expect, it } from 'vitest';
import { summarise } from '../../../scripts/test-summary';

describe('summarise', () => {
  it('adds vitest tiers and the Playwright tier', () => {
    const output = [
      '\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m538 passed\u001b[39m\u001b[22m\u001b[90m (538)\u001b[39m',
      '      Tests  2 failed | 120 passed | 1 skipped (123)',
      '  14 passed (1.7m)',
      '  1 failed',
    ].join('\n');
    expect(summarise(output)).toEqual({ passed: 672, failed: 3, skipped: 1 });
  });
  it('counts a flaky Playwright test as failed', () => {
    expect(summarise('  3 passed (20s)\n  1 flaky\n')).toEqual({ passed: 3, failed: 1, skipped: 0 });
  });
  it('finds nothing in output without closing lines', () => {
    expect(summarise('npm ERR! something broke\n')).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
