/**
 * LDAP_SERVER_POLICY_HINTS (MS-ADTS 3.1.1.3.4.1.34): sent with a password reset so AD applies history
 * and minimum age as for a change. Value: SEQUENCE { Flags INTEGER } with Flags = 1. Windows Server
 * 2008 R2 knows only the older OID (…2066), later versions both; Samba 4.17 neither.
 */
import { BerWriter, Control } from 'ldapts';

export const policyHintsOid = '1.2.840.113556.1.4.2239';
export const deprecatedPolicyHintsOid = '1.2.840.113556.1.4.2066';

export class PolicyHintsControl extends Control {
  constructor(oid: string = policyHintsOid) {
    // Critical: a server that would ignore it must refuse instead of resetting without history.
    super(oid, { critical: true });
  }

  protected override writeControl(writer: BerWriter): void {
    const value = new BerWriter();
    value.startSequence();
    value.writeInt(1);
    value.endSequence();
    writer.writeBuffer(value.buffer, 0x04);
  }
}

/** The policy hints OID to use, given the rootDSE's supportedControl values; undefined if none. */
export function choosePolicyHintsOid(supportedControls: readonly string[]): string | undefined {
  if (supportedControls.includes(policyHintsOid)) return policyHintsOid;
  if (supportedControls.includes(deprecatedPolicyHintsOid)) return deprecatedPolicyHintsOid;
  return undefined;
}
