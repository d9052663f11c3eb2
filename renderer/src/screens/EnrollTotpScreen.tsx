import { useMemo, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowResponse } from '../../../shared/flow';
import { Alert, ContinueActions, Page } from '../components/ui';
import { useSesame } from '../state/context';
import { TotpCodeField, totpDigits } from './TotpCodeField';

type EnrollTotpView = Extract<FlowResponse, { step: 'enrollTotp' }>;

/** The key from the otpauth URI, in groups of four for typing by hand. */
function manualKey(uri: string): string {
  try {
    return (new URL(uri).searchParams.get('secret') ?? '').replace(/(.{4})/g, '$1 ').trim();
  } catch {
    return '';
  }
}

export function EnrollTotpScreen({ view }: { view: EnrollTotpView }): ReactElement {
  const { t } = useTranslation();
  const busy = useSesame((s) => s.busy);
  const send = useSesame((s) => s.send);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  // A data: image keeps the SVG inert (no scripts) and within the CSP's img-src.
  const qrSource = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(view.qrSvg)}`, [view.qrSvg]);
  const key = manualKey(view.otpauthUri);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = totpDigits(code);
    if (!digits) return setError(t('totp.invalid'));
    setError(undefined);
    setCode('');
    void send('flow.confirmTotpEnrollment', { sessionId: view.sessionId, code: digits });
  };
  return (
    <Page title={t('enrollTotp.title')}>
      {view.rejected === 'wrongAnswer' ? <Alert>{t('enrollTotp.wrongAnswer')}</Alert> : null}
      <div className="totp-setup">
        <ol className="steps">
          <li>{t('enrollTotp.step1')}</li>
          <li>{t('enrollTotp.step2')}</li>
          <li>{t('enrollTotp.step3')}</li>
        </ol>
        <figure className="qr">
          <img src={qrSource} alt={t('enrollTotp.qrAlt')} width={220} height={220} />
          <figcaption>
            <span className="qr-caption">{t('enrollTotp.manualKey')}</span>
            <code className="manual-key" data-otpauth={view.otpauthUri}>
              {key}
            </code>
            <details className="otpauth">
              <summary>{t('enrollTotp.showUri')}</summary>
              <code>{view.otpauthUri}</code>
            </details>
          </figcaption>
        </figure>
      </div>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <TotpCodeField label={t('enrollTotp.label')} error={error} value={code} onChange={setCode} />
        <ContinueActions busy={busy} icon="check" />
      </form>
    </Page>
  );
}
