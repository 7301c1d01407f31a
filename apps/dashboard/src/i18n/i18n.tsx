import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { agencyNames, categoryNames, messages, roleNames, type Language, type MessageKey } from './messages';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** A message; an unknown key (a new projection, a new section) is shown as it is. */
  t(key: MessageKey | (string & {})): string;
  agency(slug: string): string;
  role(slug: string): string;
  category(slug: string): string;
  number(value: number): string;
  dateTime(iso: string): string;
  quarter(quarter: string): string;
  /** A projection's name (movement, incidents, …); an unknown one as it is. */
  projection(name: string): string;
}

const STORAGE_KEY = 'binh-yen.language';
const I18nContext = createContext<I18n | null>(null);

const ROMAN = ['I', 'II', 'III', 'IV'];

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
    const dateFormat = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const lookup = (table: Record<string, Record<Language, string>>, slug: string): string => table[slug]?.[language] ?? slug;
    return {
      language,
      setLanguage,
      t: (key) => (messages as Record<string, Record<Language, string>>)[key]?.[language] ?? key,
      agency: (slug) => lookup(agencyNames, slug),
      role: (slug) => lookup(roleNames, slug),
      category: (slug) => lookup(categoryNames, slug),
      number: (n) => numberFormat.format(n),
      dateTime: (iso) => dateFormat.format(new Date(iso)),
      projection: (name) => (messages as Record<string, Record<Language, string>>)[`projection.${name}`]?.[language] ?? name,
      quarter: (quarter) => {
        const [year, q] = [quarter.slice(0, 4), Number(quarter.slice(6))];
        return language === 'vi' ? `Quý ${ROMAN[q - 1] ?? q}/${year}` : `Q${q} ${year}`;
      },
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
