/**
 * Every screen after the start screen, in one chunk: loaded while the start screen is already interactive
 * (see App.tsx), so the start screen's first frame carries only what it shows.
 */
import type { ReactElement } from 'react';
import type { FlowKind, FlowResponse } from '../../../shared/flow';
import { CurrentPasswordScreen, TotpScreen } from './CodeScreen';
import { EnrollQuestionsScreen } from './EnrollQuestionsScreen';
import { EnrollTotpScreen } from './EnrollTotpScreen';
import { NewPasswordScreen } from './NewPasswordScreen';
import { DoneScreen, FailedScreen } from './OutcomeScreens';
import { QuestionsScreen } from './QuestionsScreen';
import { UsernameScreen } from './UsernameScreen';

export default function FlowScreens({ view, flow, turn }: { view?: FlowResponse; flow: FlowKind; turn: number }): ReactElement {
  if (!view) return <UsernameScreen />;
  switch (view.step) {
    case 'questions':
      // Keyed by turn: a rejected attempt may redraw the questions, and old answers must not linger.
      return <QuestionsScreen key={`${view.sessionId}:${turn}`} view={view} />;
    case 'totp':
      return <TotpScreen key={view.sessionId} sessionId={view.sessionId} rejected={view.rejected === 'wrongAnswer'} />;
    case 'currentPassword':
      return <CurrentPasswordScreen key={view.sessionId} sessionId={view.sessionId} rejected={view.rejected === 'wrongAnswer'} />;
    case 'newPassword':
      return <NewPasswordScreen key={view.sessionId} view={view} />;
    case 'enrollQuestions':
      return <EnrollQuestionsScreen key={view.sessionId} view={view} />;
    case 'enrollTotp':
      return <EnrollTotpScreen key={view.sessionId} view={view} />;
    case 'done':
      return <DoneScreen outcome={view.outcome} />;
    case 'failed':
      return <FailedScreen reason={view.reason} retryable={view.retryable} flow={flow} />;
  }
}
