import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zh, type MessageKey } from './zh';
import { en } from './en';

export type Lang = 'zh' | 'en';

const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };
const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
const storageKey = 'openaid.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey) => string;
  /** A message with {placeholders} filled in, e.g. tf('list.total', { count: 3 }). */
  tf: (key: MessageKey, values: Record<string, string | number>) => string;
  /** The label of an API enum value, e.g. te('NoticeKind', 'FUND'); the value itself when there is none. */
  te: (enumName: string, value: string | null | undefined) => string;
  /** An ISO timestamp in Beijing time, the records' own time zone, whatever the reader's. */
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Storage may be unavailable (private mode); the switch still works for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = htmlLang[lang];
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(htmlLang[lang], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Shanghai',
    });
    return {
      lang,
      setLang,
      t: (key) => messages[lang][key],
      tf: (key, values) => messages[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match)),
      te: (enumName, value) => {
        if (value == null) return '—';
        const key = `enum.${enumName}.${value}`;
        return key in messages[lang] ? messages[lang][key as MessageKey] : value;
      },
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTime.format(date) + messages[lang]['time.beijing'];
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
