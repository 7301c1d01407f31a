import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { agencyName, deadlineText, formatDateTime, label, quarterName } from '@binh-yen/report-model';
import { messages, roleNames, type Language, type MessageKey } from './messages';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** A message; an unknown key (a new projection, a new section) is shown as it is. */
  t(key: MessageKey | (string & {})): string;
  agency(slug: string): string;
  role(slug: string): string;
  number(value: number): string;
  /** A time and date in Vietnam's time, dd/mm/yyyy. */
  dateTime(iso: string): string;
  /** A deadline given as its first late instant: "hết ngày 10/01/2027". */
  deadline(iso: string): string;
  quarter(quarter: string): string;
  /** A projection's name (movement, incidents, …); an unknown one as it is. */
  projection(name: string): string;
}

const STORAGE_KEY = 'binh-yen.language';
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }): JSX.Element {
  const [language, setLanguageState] = useState<Language>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
    const numberFormat = new Intl.NumberFormat(locale);
    const lookup = (table: Record<string, Record<Language, string>>, slug: string): string => table[slug]?.[language] ?? slug;
    return {
      language,
      setLanguage,
      // The dashboard's own strings first, then the report's labels (one copy, in the report model).
      t: (key) => (messages as Record<string, Record<Language, string>>)[key]?.[language] ?? label(key, language),
      agency: (slug) => agencyName(slug, language),
      role: (slug) => lookup(roleNames, slug),
      number: (n) => numberFormat.format(n),
      dateTime: (iso) => formatDateTime(iso, language),
      deadline: (iso) => deadlineText(iso, language),
      projection: (name) => label(`projection.${name}`, language),
      quarter: (quarter) => quarterName(quarter, language),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
