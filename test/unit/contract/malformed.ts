/**
 * Malformed payload generation for the contract fuzz: mutations of a valid payload that each break the
 * call's schema (wrong types, missing or unknown keys, oversize or hostile strings, non-objects, broken
 * JSON). A seeded PRNG keeps failures reproducible.
 */
import type { CallName } from '../../../shared/calls';

export const marker = 'FUZZ-SECRET-MARKER';

export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sessionId = 'AbCdEfGhIjKlMnOpQrSt';
const userDn = 'uid=alice,ou=people,dc=example,dc=test';
export const validPayloads: Record<CallName, Record<string, unknown>> = {
  'app.info': {},
  'flow.start': { flow: 'forgotPassword', username: 'alice' },
  'flow.answerQuestions': { sessionId, answers: [{ questionId: 'first-pet', answer: 'Biscuit' }] },
  'flow.submitTotp': { sessionId, code: '123456' },
  'flow.submitCurrentPassword': { sessionId, password: 'Current-1' },
  'flow.checkNewPassword': { sessionId, candidate: 'candidate' },
  'flow.submitNewPassword': { sessionId, newPassword: 'New-Password-1' },
  'flow.enrollQuestions': { sessionId, answers: [{ questionId: 'first-pet', answer: 'Biscuit' }] },
  'flow.confirmTotpEnrollment': { sessionId, code: '123456' },
  'flow.cancel': { sessionId },
  'helpdesk.signIn': { username: 'operator', password: 'Operator-1' },
  'helpdesk.signOut': { operatorSessionId: sessionId },
  'helpdesk.search': { operatorSessionId: sessionId, query: 'alice', offset: 0 },
  'helpdesk.openUser': { operatorSessionId: sessionId, userDn },
  'helpdesk.startVerification': { operatorSessionId: sessionId, userDn, method: 'totp' },
  'helpdesk.verifyCaller': { operatorSessionId: sessionId, userDn, code: '123456' },
  'helpdesk.resetPassword': { operatorSessionId: sessionId, userDn, mustChange: true },
  'helpdesk.unlock': { operatorSessionId: sessionId, userDn },
  'helpdesk.setPasswordNeverExpires': { operatorSessionId: sessionId, userDn, neverExpires: true },
  'helpdesk.setValidUntil': { operatorSessionId: sessionId, userDn, validUntil: '2030-01-01T00:00:00Z' },
  'helpdesk.clearEnrollment': { operatorSessionId: sessionId, userDn },
  'helpdesk.clearLockoutGate': { operatorSessionId: sessionId, userDn },
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function hostileValue(random: Random): unknown {
  const nested = (depth: number): unknown => (depth === 0 ? marker : { a: nested(depth - 1) });
  return pick(random, [
    null,
    true,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER,
    '',
    ' ',
    `${marker}${'x'.repeat(600)}`,
    `${marker}\u0000\u202e\ud83d\ude00`,
    [],
    [marker],
    {},
    { $ne: marker },
    { __proto__: { polluted: marker } },
    nested(40),
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR '1'='1",
    '*)(uid=*',
  ]);
}

export type Malformed = { kind: 'json'; payload: unknown } | { kind: 'raw'; body: string };

/**
 * One malformed payload for `call`. Some mutations can land on a valid value (any string is a valid
 * password), so candidates the call's schema accepts are drawn again.
 */
export function malformedPayload(call: CallName, random: Random, accepts: (payload: unknown) => boolean): Malformed {
  for (;;) {
    const candidate = mutate(call, random);
    // Judged as the server will see it: JSON drops prototypes, undefined and functions.
    if (candidate.kind === 'raw' || !accepts(JSON.parse(JSON.stringify(candidate.payload) ?? 'null'))) return candidate;
  }
}

function mutate(call: CallName, random: Random): Malformed {
  const base = structuredClone(validPayloads[call]);
  const keys = Object.keys(base);
  const mutation = Math.floor(random() * 7);
  switch (mutation) {
    case 0: // a field of the wrong type or value
      if (keys.length > 0) {
        base[pick(random, keys)] = hostileValue(random);
        return { kind: 'json', payload: base };
      }
      return { kind: 'json', payload: hostileValue(random) };
    case 1: // a required field missing
      if (keys.length > 0) {
        delete base[pick(random, keys)];
        return { kind: 'json', payload: base };
      }
      return { kind: 'json', payload: [base] };
    case 2: // an unknown key (the schemas are strict)
      base[pick(random, ['extra', 'isAdmin', 'constructor', 'prototype', 'kioskId', `k${Math.floor(random() * 1e6)}`])] = hostileValue(random);
      return { kind: 'json', payload: base };
    case 3: // not an object at all
      return { kind: 'json', payload: pick(random, [null, 42, marker, [base], true, [] as unknown[]]) };
    case 4: // a nested element broken
      if (Array.isArray(base.answers)) {
        base.answers = pick(random, [[], Array(11).fill(base.answers[0]), [{ questionId: marker }], [{ answer: 'x' }], [hostileValue(random)], [{ questionId: 'a b', answer: 'x' }]]);
        return { kind: 'json', payload: base };
      }
      return { kind: 'json', payload: { ...base, [pick(random, ['a', 'b'])]: hostileValue(random) } };
    case 5: // broken JSON text
      return { kind: 'raw', body: pick(random, ['{', '{"a":', `${JSON.stringify(base).slice(0, -1)}`, 'undefined', "{'a':1}", '\u0000', `${marker}`, '[1,2', '{"a":1}}']) };
    default: // strings just past their bounds or of the wrong shape
      if ('sessionId' in base) base.sessionId = pick(random, ['short', 'x'.repeat(129), `${sessionId}!`, `${sessionId} `, 'é'.repeat(20)]);
      else if ('username' in base) base.username = pick(random, ['', '   ', 'u'.repeat(257)]);
      else base.unexpected = marker;
      if ('code' in base) base.code = pick(random, ['12345', '123456789', 'abcdef', ' 123456']);
      return { kind: 'json', payload: base };
  }
}
