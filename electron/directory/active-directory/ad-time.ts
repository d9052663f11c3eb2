/**
 * Active Directory large-integer times. Points in time (pwdLastSet, lockoutTime, accountExpires,
 * lastLogon...) are 100-ns ticks since 1601-01-01 UTC; durations in policies (maxPwdAge, lockoutDuration)
 * are negative tick counts. Both sentinels mean "never": 0 and 0x7FFFFFFFFFFFFFFF for times, and
 * 0x8000000000000000 (the most negative value) for durations. BigInt, because the values exceed 2^53.
 */

const ticksPerMillisecond = 10_000n;
const ticksPerSecond = 10_000_000n;
/** Ticks between 1601-01-01 and 1970-01-01. */
const epochOffsetTicks = 116_444_736_000_000_000n;
const neverTime = 0x7fff_ffff_ffff_ffffn;
const foreverDuration = -0x8000_0000_0000_0000n;

function parseTicks(text: string | undefined): bigint | undefined {
  if (text === undefined || !/^-?\d{1,20}$/.test(text.trim())) return undefined;
  return BigInt(text.trim());
}

/** A file time as a Date; undefined for 0, "never" and anything unparseable. */
export function fileTimeToDate(text: string | undefined): Date | undefined {
  const ticks = parseTicks(text);
  if (ticks === undefined || ticks <= 0n || ticks >= neverTime) return undefined;
  return new Date(Number((ticks - epochOffsetTicks) / ticksPerMillisecond));
}

export function dateToFileTime(date: Date): string {
  return (BigInt(date.getTime()) * ticksPerMillisecond + epochOffsetTicks).toString();
}

/**
 * A policy duration in whole seconds: AD stores them negative; 0 and the most negative value mean
 * "none"/"forever" and give undefined so callers decide what absence means.
 */
export function durationToSeconds(text: string | undefined): number | undefined {
  const ticks = parseTicks(text);
  if (ticks === undefined || ticks === 0n || ticks <= foreverDuration) return undefined;
  const magnitude = ticks < 0n ? -ticks : ticks;
  return Number(magnitude / ticksPerSecond);
}

/** Whether a policy duration is AD's "forever" (e.g. lockoutDuration: locked until an administrator unlocks). */
export function isForever(text: string | undefined): boolean {
  return parseTicks(text) === foreverDuration;
}
