import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

// Noto Sans ships as Unicode-range subsets (latin, latin-ext, greek, cyrillic). A name such as
// "Łukasz Gül" needs two of them, so text is split into runs, each set in the first subset that has
// every glyph of the run. The full subsets are embedded once per PDF.

const require = createRequire(import.meta.url);
export const FONT_SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
export type FontSubset = (typeof FONT_SUBSETS)[number];
export type Weight = 400 | 700;

export function fontFile(subset: FontSubset, weight: Weight): string {
  return require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`);
}

const coverage = new Map<FontSubset, fontkit.Font>();
function font(subset: FontSubset): fontkit.Font {
  let f = coverage.get(subset);
  if (!f) {
    f = fontkit.openSync(fontFile(subset, 400)) as fontkit.Font;
    coverage.set(subset, f);
  }
  return f;
}

export interface TextRun {
  subset: FontSubset;
  text: string;
}

/** Splits text into runs by the first font subset that has each character (spaces join the current run). */
export function splitRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const current = runs[runs.length - 1];
    const subset =
      current && /\s/.test(char)
        ? current.subset
        : (FONT_SUBSETS.find((s) => font(s).hasGlyphForCodePoint(cp)) ?? 'latin');
    if (current && current.subset === subset) current.text += char;
    else runs.push({ subset, text: char });
  }
  return runs;
}

export function hasGlyph(subset: FontSubset, char: string): boolean {
  return font(subset).hasGlyphForCodePoint(char.codePointAt(0)!);
}
