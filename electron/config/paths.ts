/** Where configuration lives on each platform. */
import { join, win32 } from 'node:path';

export function programDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Sesame');
}

/** `%ProgramData%\Sesame\config.json` on Windows; elsewhere there is no default and a path is given. */
export function defaultConfigFile(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return platform === 'win32' ? win32.join(programDataDir(env), 'config.json') : undefined;
}

export function defaultAuditPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string {
  return platform === 'win32' ? win32.join(programDataDir(env), 'audit.log') : join('/var/log/sesame', 'audit.log');
}
