import { describe, expect, it } from 'vitest';
import { dateToFileTime, durationToSeconds, fileTimeToDate, isForever } from '../../electron/directory/active-directory/ad-time';

describe('AD file times', () => {
  it('converts 100-ns ticks since 1601 to dates', () => {
    expect(fileTimeToDate('116444736000000000')?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    // pwdLastSet seen on the Samba DC of a test run.
    expect(fileTimeToDate('134398948783842890')?.toISOString()).toBe('2026-11-23T08:07:58.384Z');
  });

  it('treats 0, "never" and garbage as no date', () => {
    for (const text of ['0', '9223372036854775807', '-1', '', 'abc', '1e18', undefined]) expect(fileTimeToDate(text)).toBeUndefined();
  });

  it('round-trips a date through dateToFileTime', () => {
    const date = new Date('2031-05-06T07:08:09.123Z');
    const ticks = dateToFileTime(date);
    expect(ticks).toBe('135802912891230000'); // computed independently with Python's datetime
    expect(fileTimeToDate(ticks)?.getTime()).toBe(date.getTime());
  });
});

describe('AD policy durations', () => {
  it('converts negative tick counts to seconds', () => {
    expect(durationToSeconds('-18000000000')).toBe(1800); // 30 minutes
    expect(durationToSeconds('-36288000000000')).toBe(42 * 24 * 3600);
    expect(durationToSeconds('-864000000000')).toBe(86400);
  });

  it('gives undefined for none and forever, and recognises forever', () => {
    expect(durationToSeconds('0')).toBeUndefined();
    expect(durationToSeconds('-9223372036854775808')).toBeUndefined();
    expect(isForever('-9223372036854775808')).toBe(true);
    expect(isForever('-18000000000')).toBe(false);
    expect(isForever(undefined)).toBe(false);
  });
});
