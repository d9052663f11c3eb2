/** The authenticator-code field and its check, shared by the TOTP gate and the enrollment confirmation. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/ui';

/** The code's digits without the spaces people type, or undefined when it is not 6 to 8 digits. */
export function totpDigits(typed: string): string | undefined {
  const digits = typed.replace(/\s/g, '');
  return /^\d{6,8}$/.test(digits) ? digits : undefined;
}

export function TotpCodeField({ label, error, value, onChange }: { label: string; error: string | undefined; value: string; onChange: (value: string) => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      hint={t('totp.hint')}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={9}
      className="code-input"
      data-autofocus
      name="code"
    />
  );
}
