/** A configuration problem, phrased for the administrator: which key, from where, and what is allowed. */
export interface ConfigProblem {
  /** Dotted configuration key, e.g. `kiosk.idleTimeoutSeconds`. */
  key: string;
  /** Where the value came from, e.g. `policy HKLM\SOFTWARE\Policies\Sesame\KioskMode` or `config file C:\...`. */
  source: string;
  /** What is wrong and what is allowed. Never contains a secret's value. */
  message: string;
}

export function formatProblem(problem: ConfigProblem): string {
  return `${problem.key} (${problem.source}): ${problem.message}`;
}

export type ConfigurationResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; problems: ConfigProblem[] };
