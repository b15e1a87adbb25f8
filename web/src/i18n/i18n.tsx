import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { dict, type DictKey, type Lang } from './dict';

/** A name in both languages, as the API sends catalog and analysis names. */
export interface Bilingual { zh: string; en: string }

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: DictKey) => string;
  /** Picks the active language from a `{zh, en}` pair the API sent. */
  pick: (b: Bilingual | string | undefined) => string;
}

const Ctx = createContext<I18n | null>(null);
const STORAGE_KEY = 'shoplens.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    window.localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => ({
    lang,
    setLang,
    t: (key) => dict[key][lang],
    pick: (b) => (b === undefined ? '' : typeof b === 'string' ? b : b[lang]),
  }), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
