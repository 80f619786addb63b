import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAndCheck } from './check.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/valid');
let dir: string;
function copy(): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'content-'));
  cpSync(fixtures, dir, { recursive: true });
  return dir;
}
const edit = (file: string, change: (s: string) => string) =>
  writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('content:check', () => {
  it('reports an unknown field with its file and line', () => {
    copy();
    edit('modules/intro/try-it.yaml', (s) => s + 'colour: blue\n');
    const { problems } = loadAndCheck(dir);
    expect(problems).toEqual([{ file: 'modules/intro/try-it.yaml', line: 1, message: 'unknown field(s) colour' }]);
  });

  it('reports a YAML syntax error at its line', () => {
    copy();
    edit('modules/intro/try-it.yaml', (s) => s + 'task: [unclosed\n');
    const { problems } = loadAndCheck(dir);
    expect(problems[0]).toMatchObject({ file: 'modules/intro/try-it.yaml', line: 6 });
  });

  it('points at the line of a wrong value', () => {
    copy();
    edit('modules/intro/module.yaml', (s) => s.replace('level: foundations', 'level: expert'));
    const { problems } = loadAndCheck(dir);
    // The broken module is left out, so the path that names it is reported too.
    expect(problems.map((p) => p.message)).toContain('module intro does not exist');
    expect(problems[0]).toMatchObject({ file: 'modules/intro/module.yaml', line: 5 });
    expect(problems[0].message).toMatch(/^level: /);
  });

  it('fails when a bad example prompt passes the rubric', () => {
    copy();
    edit('modules/intro/write-prompt.yaml', (s) => s.replace('text: Schreib was über Wartung.', 'text: Du bist Vertriebsprofi. Schreibe eine E-Mail an den Kunden.'));
    const { problems } = loadAndCheck(dir);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/bad example 1 \(de\) passes the rubric/)]);
  });

  it('fails when a good example prompt fails the rubric', () => {
    copy();
    edit('modules/intro/write-prompt.yaml', (s) => s.replace('Du bist Vertriebsmitarbeiter. Schreibe eine kurze E-Mail an einen Kunden aus dem Einkauf', 'Schreibe etwas'));
    const { problems } = loadAndCheck(dir);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/good example 1 \(de\) fails the rubric .*role/)]);
  });

  it('fails when a review quote is not in the document, a lesson lacks a language, or a module has no exercise', () => {
    copy();
    edit('modules/intro/spot-problems.yaml', (s) => s.replace('quote: { de: 900 Teile pro Stunde', 'quote: { de: 950 Teile pro Stunde'));
    rmSync(path.join(dir, 'modules/intro/what-ai-is.en.md'));
    const { problems } = loadAndCheck(dir);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'problem speed: de quote not found in the de document',
        'lesson what-ai-is has no English version',
      ]),
    );
  });

  it('detects prerequisite cycles and unknown modules in paths', () => {
    copy();
    edit('modules/intro/module.yaml', (s) => s.replace('minutes: 20', 'minutes: 20\nprerequisites: [intro]'));
    edit('paths/sales.yaml', (s) => s.replace('modules: [intro]', 'modules: [intro, ghost]'));
    const messages = loadAndCheck(dir).problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining(['a module cannot be its own prerequisite', 'module ghost does not exist', 'prerequisite cycle: intro → intro']),
    );
  });
});
