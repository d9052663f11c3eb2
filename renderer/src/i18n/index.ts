/**
 * i18next with the English catalogue bundled and German and French loaded on first use (small chunks from
 * the app's own origin: the CSP stays 'self'). Keeps the start screen's JavaScript lean.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageTag } from '../../../shared/app';
import { en, type Messages } from './en';

export const languageNames: Record<LanguageTag, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

const loaders: Record<LanguageTag, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  de: () => import('./de').then((m) => m.de),
  fr: () => import('./fr').then((m) => m.fr),
};

export function initI18n(): i18n {
  void i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

/** Loads a language's catalogue if needed, then switches to it. */
export async function switchLanguage(language: LanguageTag): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await loaders[language]());
  }
  await i18next.changeLanguage(language);
}
