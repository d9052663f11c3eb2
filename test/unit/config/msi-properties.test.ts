import { describe, expect, it } from 'vitest';
import { policySettings } from '../../../electron/config/policy-settings';
import { msiPolicyProperties } from '../../../scripts/installer/msi-properties';
import { renderProductWxs } from '../../../scripts/installer/wxs';

describe('MSI public properties', () => {
  it('each write a policy value the loader reads, remembered across upgrades', () => {
    const valueNames = new Set(policySettings.map((p) => p.valueName));
    const wxs = renderProductWxs();
    for (const [property, valueName] of Object.entries(msiPolicyProperties)) {
      expect(property).toMatch(/^[A-Z][A-Z0-9_]*$/); // public properties are upper case
      expect(valueNames, property).toContain(valueName);
      expect(wxs).toContain(`Name="${valueName}" Type="string" Value="[${property}]"`);
      expect(wxs).toContain(`<RegistrySearch Id="Find_${property}" Root="HKLM" Key="SOFTWARE\\Policies\\Sesame" Name="${valueName}" Type="raw" Win64="yes"/>`);
      expect(wxs).toContain(`>SAVED_${property} AND NOT ${property}</Custom>`);
    }
    // No secret is ever an installer property: command lines and MSI logs are not secret.
    expect(Object.keys(msiPolicyProperties).join(' ')).not.toMatch(/PASSWORD|SECRET|KEY/);
  });
});
