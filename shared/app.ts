/**
 * What the renderer learns about the app before any flow: languages and the kiosk's settings. Free of
 * runtime schemas (app.info's request schema lives in calls.ts), so the renderer can import it without zod.
 */
import type { FlowKind } from './flow';

export const languageTags = ['en', 'de', 'fr'] as const;
export type LanguageTag = (typeof languageTags)[number];

export interface AppInfo {
  languages: { default: LanguageTag; available: LanguageTag[] };
  kiosk: {
    /** Full-screen kiosk (logon screen) rather than a browser tab: no "close" affordances. */
    enabled: boolean;
    /** Back to the start screen, state cleared, after this much inactivity. */
    idleTimeoutSeconds: number;
    /** Flows offered on the start screen, in order. */
    enabledFlows: FlowKind[];
    helpDeskOffered: boolean;
  };
  /** False when the configuration could not be loaded: the start screen shows "out of order". */
  serviceAvailable: boolean;
}
