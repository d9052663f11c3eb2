/** Question texts and random draws for the Question and Answer gate. */
import { randomInt } from 'node:crypto';
import type { QuestionView } from '../../shared/flow';
import type { EnrolledAnswer } from '../enrollment/record';
import type { CatalogueQuestion } from './config';

/** Picks a number in [0, maxExclusive); injected so tests can fix the draw. */
export type RandomPick = (maxExclusive: number) => number;
export const cryptoPick: RandomPick = (maxExclusive) => randomInt(maxExclusive);

export function draw<T>(items: readonly T[], count: number, pick: RandomPick): T[] {
  const pool = [...items];
  const drawn: T[] = [];
  while (drawn.length < count && pool.length > 0) drawn.push(pool.splice(pick(pool.length), 1)[0]!);
  return drawn;
}

export function localizedText(question: CatalogueQuestion, language: string, fallbackLanguage: string): string {
  return question.text[language] ?? question.text[fallbackLanguage] ?? Object.values(question.text)[0] ?? question.id;
}

export class QuestionTexts {
  private readonly byId: ReadonlyMap<string, CatalogueQuestion>;

  constructor(
    readonly catalogue: readonly CatalogueQuestion[],
    private readonly fallbackLanguage: string,
  ) {
    this.byId = new Map(catalogue.map((q) => [q.id, q]));
  }

  catalogueView(id: string, language: string): QuestionView | undefined {
    const question = this.byId.get(id);
    return question && { id, text: localizedText(question, language, this.fallbackLanguage) };
  }

  /** The view of a registered answer's question; undefined when the catalogue no longer has it. */
  answerView(answer: EnrolledAnswer, language: string): QuestionView | undefined {
    if (answer.customText !== undefined) return { id: answer.questionId, text: answer.customText };
    return this.catalogueView(answer.questionId, language);
  }
}
