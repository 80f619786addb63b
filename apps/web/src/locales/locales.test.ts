import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const deKeys = flatten(de as Tree);
const enKeys = flatten(en as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('German and English have exactly the same keys', () => {
    const onlyDe = [...deKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !deKeys.has(k));
    expect({ onlyDe, onlyEn }).toEqual({ onlyDe: [], onlyEn: [] });
  });

  it('no translation is empty', () => {
    const empty = [...deKeys, ...enKeys].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('both languages use the same placeholders in each text', () => {
    const mismatched = [...deKeys.keys()].filter(
      (key) => placeholders(deKeys.get(key)!).join() !== placeholders(enKeys.get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('every literal key the code asks for exists', () => {
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../testing/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      // t('a.b'), t("a.b"), and i18n keys held in data such as `label: 'nav.home'`.
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\b(?:label|heading): '([a-z][\w]*\.[\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    const exists = (key: string) => deKeys.has(key) || deKeys.has(`${key}_one`) || deKeys.has(`${key}_other`);
    const missing = [...used].filter((key) => !exists(key));
    expect(missing).toEqual([]);
  });
});
