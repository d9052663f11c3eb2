/** Enrolls a person through the host's JSON API (as a second browser would), for specs that start enrolled. */
import { generate } from 'otplib';
import type { FlowResponse } from '../../shared/flow';
import { openSession } from '../support/host/http-client';
import { demoAnswers } from '../support/host/stack';

export async function enrollOverHttp(url: string, username: string, password: string): Promise<string> {
  const session = await openSession(url);
  const call = async (name: string, payload: unknown): Promise<FlowResponse> => {
    const result = (await session.call(name, payload)).json() as { ok: boolean; value: FlowResponse };
    if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result)}`);
    return result.value;
  };
  const started = await call('flow.start', { flow: 'enroll', username });
  if (started.step !== 'currentPassword') throw new Error(`enroll start: ${started.step}`);
  const offered = await call('flow.submitCurrentPassword', { sessionId: started.sessionId, password });
  if (offered.step !== 'enrollQuestions') throw new Error(`enroll: ${offered.step}`);
  const chosen = offered.catalogue.filter((q) => demoAnswers[q.id]).slice(0, offered.required);
  const totp = await call('flow.enrollQuestions', { sessionId: started.sessionId, answers: chosen.map((q) => ({ questionId: q.id, answer: demoAnswers[q.id] })) });
  if (totp.step !== 'enrollTotp') throw new Error(`enroll: ${totp.step}`);
  const secret = new URL(totp.otpauthUri).searchParams.get('secret')!;
  const done = await call('flow.confirmTotpEnrollment', { sessionId: started.sessionId, code: await generate({ secret }) });
  if (done.step !== 'done') throw new Error(`enroll: ${done.step}`);
  return secret;
}
