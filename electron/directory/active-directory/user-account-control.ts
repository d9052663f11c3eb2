/** userAccountControl and msDS-User-Account-Control-Computed flags Sesame reads (MS-ADTS 2.2.16). */
export const accountFlags = {
  disabled: 0x2,
  /** Only meaningful in msDS-User-Account-Control-Computed: userAccountControl's own copy is stale. */
  lockedOut: 0x10,
  passwordNeverExpires: 0x1_0000,
  /** Computed: the password is expired (also set while pwdLastSet is 0, "must change"). */
  passwordExpired: 0x80_0000,
} as const;

export function hasFlag(value: number | undefined, flag: number): boolean {
  return value !== undefined && (value & flag) !== 0;
}
