/** i18next with the three bundled catalogues: no network loading, so the CSP stays 'self' only. */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageTag } from '../../../shared/app';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';

export const catalogues = { en, de, fr } as const;
export const languageNames: Record<LanguageTag, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

export function initI18n(language: LanguageTag = 'en'): i18n {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, de: { translation: de }, fr: { translation: fr } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}
