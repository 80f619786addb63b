import type { Language } from '@freiraum/contracts';

/** Content text stored in both languages (learning content, path titles). */
export interface Bilingual {
  de: string;
  en: string;
}

/** The text in the reader's language; German is the fallback, like the UI's. */
export function pick(text: Bilingual, language: string): string {
  return language === 'en' ? text.en : text.de;
}

export function contentLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'de';
}
