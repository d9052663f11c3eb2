/** Builds an engine on a fake directory, a memory store, a memory audit log and a manual clock. */
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { FlowResponse } from '../../../shared/flow';
import { MemoryAuditLog } from '../../../electron/audit/file-audit-log';
import { MemoryEnrollmentStore } from '../../../electron/enrollment/memory-store';
import { ManualClock } from '../../../electron/flows/clock';
import { flowConfigSchema, type FlowConfigInput } from '../../../electron/flows/config';
import { createFlowEngine, type FlowEngine } from '../../../electron/flows/engine';
import type { RandomPick } from '../../../electron/flows/questions';
import { FakeDirectory } from './fake-directory';

export const catalogue = [
  { id: 'pet', text: { en: 'Name of your first pet?', fr: 'Nom de votre premier animal ?' } },
  { id: 'city', text: { en: 'City where you were born?' } },
  { id: 'school', text: { en: 'Your primary school?' } },
  { id: 'street', text: { en: 'Street you grew up on?' } },
  { id: 'film', text: { en: 'Favourite film?' } },
  { id: 'teacher', text: { en: 'Favourite teacher?' } },
];

/** An answer for each catalogue question that satisfies the enrollment rules. */
export const answersById: Record<string, string> = {
  pet: 'Rex the dog',
  city: 'Lyon',
  school: 'Jules Ferry',
  street: 'Rue Émile Zola',
  film: 'Metropolis',
  teacher: 'Madame Curie',
};

export function testConfig(overrides: Partial<FlowConfigInput> = {}) {
  return flowConfigSchema.parse({
    catalogue,
    questions: { shownAtRegistration: 6, requiredAtRegistration: 3, presentedAtReset: 2, requiredCorrectAtReset: 2 },
    answerHash: { N: 1024, r: 8, p: 1, keyLength: 32 },
    lockout: { failuresBeforeLockout: 3, lockoutDurationsSeconds: [60, 600], timedLockoutsBeforePermanent: 1, failureWindowSeconds: 3600 },
    sessionLifetimeSeconds: 600,
    idleTimeoutSeconds: 120,
    minResponseMs: 0,
    keys: { totpSecretKey: randomBytes(32).toString('base64'), decoyKey: randomBytes(32).toString('base64') },
    ...overrides,
  });
}

export const kiosk = { kioskId: 'kiosk-1', clientId: 'client-1' };

export function makeEngine(overrides: Partial<FlowConfigInput> = {}, random?: RandomPick) {
  const directory = new FakeDirectory();
  const store = new MemoryEnrollmentStore();
  const audit = new MemoryAuditLog();
  const clock = new ManualClock();
  const config = testConfig(overrides);
  const engine = createFlowEngine({ directory, store, audit, config, clock, ...(random ? { random } : {}) });
  return { engine, directory, store, audit, clock, config };
}

export type Harness = ReturnType<typeof makeEngine>;

export function sessionOf(view: FlowResponse): string {
  if (!('sessionId' in view)) throw new Error(`no session in ${JSON.stringify(view)}`);
  return view.sessionId;
}

export function secretFromUri(uri: string): string {
  const secret = new URL(uri).searchParams.get('secret');
  if (!secret) throw new Error('no secret in URI');
  return secret;
}

export const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

/** Enrolls through the real enroll flow; returns the TOTP secret the user "scanned". */
export async function enroll(h: Harness, name: string, password: string, engine: FlowEngine = h.engine): Promise<string> {
  const started = await engine.start({ flow: 'enroll', username: name }, kiosk);
  expect(started.step).toBe('currentPassword');
  const sessionId = sessionOf(started);
  const questions = await engine.submitCurrentPassword({ sessionId, password }, kiosk);
  if (questions.step !== 'enrollQuestions') throw new Error(`expected enrollQuestions, got ${JSON.stringify(questions)}`);
  const answers = questions.catalogue.slice(0, 3).map((q) => ({ questionId: q.id, answer: answersById[q.id]! }));
  const totp = await engine.enrollQuestions({ sessionId, answers }, kiosk);
  if (totp.step !== 'enrollTotp') throw new Error(`expected enrollTotp, got ${JSON.stringify(totp)}`);
  const secret = secretFromUri(totp.otpauthUri);
  const done = await engine.confirmTotpEnrollment({ sessionId, code: await codeAt(secret, h.clock.now()) }, kiosk);
  expect(done).toEqual({ step: 'done', outcome: 'enrolled' });
  return secret;
}

export function answersFor(view: FlowResponse, transform: (answer: string) => string = (a) => a) {
  if (view.step !== 'questions') throw new Error(`expected questions, got ${JSON.stringify(view)}`);
  return view.questions.map((q) => ({ questionId: q.id, answer: transform(answersById[q.id] ?? 'unknown answer') }));
}
