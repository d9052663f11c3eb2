/** BENCH answer_hash_ms: median time to hash one answer with the default scrypt parameters (target 50–250 ms). */
import { hashAnswer } from '../electron/gates/answers/hash';
import { answerHashParamsSchema } from '../electron/gates/answers/hash-params';
import { defaultAnswerHashParams } from '../electron/flows/config';

export async function benchAnswerHashMs(samples = 15): Promise<number> {
  const params = answerHashParamsSchema.parse(defaultAnswerHashParams);
  await hashAnswer('warm up', params);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await hashAnswer(`Rue Émile Zola ${i}`, params);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
