import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowFailure, FlowKind, FlowOutcome } from '../../../shared/flow';
import { Actions, Button, Page } from '../components/ui';
import { useSesame } from '../state/context';

export function DoneScreen({ outcome }: { outcome: FlowOutcome }): ReactElement {
  const { t } = useTranslation();
  const reset = useSesame((s) => s.reset);
  return (
    <Page title={t(`done.${outcome}.title`)} lead={t(`done.${outcome}.next`)} icon="check" tone="success">
      <Actions>
        <Button onClick={reset} data-autofocus>
          {t('app.done')}
        </Button>
      </Actions>
    </Page>
  );
}

export function FailedScreen({ reason, retryable, flow }: { reason: FlowFailure; retryable: boolean; flow: FlowKind }): ReactElement {
  const { t } = useTranslation();
  const reset = useSesame((s) => s.reset);
  const choose = useSesame((s) => s.choose);
  return (
    <Page title={t(`failed.${reason}.title`)} lead={t(`failed.${reason}.next`)} icon={reason === 'lockedOut' ? 'lock' : 'alert'} tone="danger">
      <Actions>
        {retryable ? (
          <Button onClick={() => choose(flow)} icon="refresh" data-autofocus>
            {t('app.tryAgain')}
          </Button>
        ) : null}
        <Button variant={retryable ? 'secondary' : 'primary'} onClick={reset} data-autofocus={retryable ? undefined : true}>
          {t('app.startOver')}
        </Button>
      </Actions>
    </Page>
  );
}
