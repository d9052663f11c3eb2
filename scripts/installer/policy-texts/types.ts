import type { PolicyCategory } from '../../../electron/config/policy-settings';

/** One language's Group Policy editor texts: [title, explanation] per policy value name. */
export interface PolicyTexts {
  product: { name: string; description: string; supportedOn: string };
  categories: Record<PolicyCategory, string>;
  policies: Record<string, [title: string, help: string]>;
  /** Display names of enum choices, by `<valueName>_<option>`. */
  options: Record<string, string>;
  words: { allowed: string; default: string; listHint: string; notConfigured: string; enabled: string; disabled: string };
}
