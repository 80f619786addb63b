import { describe, expect, it } from 'vitest';
import { rangeToOffsets, segmentText, trimRange } from './review-marking';

// The document as the review exercise draws it: plain text split by <mark> highlights, newlines kept.
const TEXT = 'Sehr geehrte Frau Lechner,\n\nwir liefern in 3 Tagen. Laut Studie sparen Sie 43 %.\nGrüße';

function renderDoc(marks: { start: number; end: number }[]) {
  document.body.innerHTML = '<p id="before">Davor</p><div id="doc"></div><p id="after">Danach</p>';
  const doc = document.getElementById('doc')!;
  for (const s of segmentText(TEXT.length, marks)) {
    const el = document.createElement(s.marks.length ? 'mark' : 'span');
    el.textContent = TEXT.slice(s.start, s.end);
    doc.append(el);
  }
  return doc;
}

/** A Range from character `from` to `to` of the document, found by walking its text nodes. */
function rangeOver(doc: HTMLElement, from: number, to: number): Range {
  const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.textContent!.length;
    if (from >= seen && from <= seen + len) range.setStart(node, from - seen);
    if (to >= seen && to <= seen + len) {
      range.setEnd(node, to - seen);
      break;
    }
    seen += len;
  }
  return range;
}

describe('review marking: selection → offsets into the raw text', () => {
  it('counts characters across highlights and newlines', () => {
    const doc = renderDoc([{ start: 0, end: 4 }]);
    const start = TEXT.indexOf('wir liefern');
    const end = TEXT.indexOf('.', start);
    const offsets = rangeToOffsets(doc, rangeOver(doc, start, end), TEXT);
    expect(offsets).toEqual({ start, end });
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('wir liefern in 3 Tagen');
  });

  it('maps a selection that starts inside one highlight and ends inside another', () => {
    const study = TEXT.indexOf('Studie');
    const doc = renderDoc([
      { start: TEXT.indexOf('3 Tagen'), end: TEXT.indexOf('3 Tagen') + 7 },
      { start: study, end: study + 6 },
    ]);
    const from = TEXT.indexOf('Tagen');
    const offsets = rangeToOffsets(doc, rangeOver(doc, from, study + 3), TEXT);
    expect(TEXT.slice(offsets!.start, offsets!.end)).toBe('Tagen. Laut Stu');
  });

  it('trims surrounding whitespace (a double-click takes the space after a word)', () => {
    const doc = renderDoc([]);
    const from = TEXT.indexOf('Grüße') - 1; // the newline before it
    const offsets = rangeToOffsets(doc, rangeOver(doc, from, TEXT.length), TEXT);
    expect(offsets).toEqual({ start: TEXT.length - 5, end: TEXT.length });
  });

  it('cuts off the parts of a selection outside the document', () => {
    const doc = renderDoc([]);
    const range = document.createRange();
    range.setStart(document.getElementById('before')!.firstChild!, 2);
    range.setEnd(doc.firstChild!.firstChild!, 4);
    expect(rangeToOffsets(doc, range, TEXT)).toEqual({ start: 0, end: 4 });

    const tail = document.createRange();
    tail.setStart(doc.firstChild!.firstChild!, TEXT.length - 5);
    tail.setEnd(document.getElementById('after')!.firstChild!, 3);
    expect(rangeToOffsets(doc, tail, TEXT)).toEqual({ start: TEXT.length - 5, end: TEXT.length });
  });

  it('ignores empty selections and selections elsewhere on the page', () => {
    const doc = renderDoc([]);
    const collapsed = rangeOver(doc, 5, 5);
    expect(rangeToOffsets(doc, collapsed, TEXT)).toBeNull();
    const outside = document.createRange();
    outside.selectNodeContents(document.getElementById('after')!);
    expect(rangeToOffsets(doc, outside, TEXT)).toBeNull();
    expect(trimRange(TEXT, 26, 28)).toBeNull(); // only the blank line
  });

  it('keeps the order of a backwards keyboard selection and clamps to the text', () => {
    expect(trimRange(TEXT, 12, 0)).toEqual({ start: 0, end: 12 });
    expect(trimRange(TEXT, TEXT.length - 3, TEXT.length + 10)).toEqual({ start: TEXT.length - 3, end: TEXT.length });
  });
});

describe('segmentText', () => {
  it('splits at every mark boundary, also where marks overlap', () => {
    expect(
      segmentText(10, [
        { start: 2, end: 6 },
        { start: 4, end: 8 },
      ]),
    ).toEqual([
      { start: 0, end: 2, marks: [] },
      { start: 2, end: 4, marks: [0] },
      { start: 4, end: 6, marks: [0, 1] },
      { start: 6, end: 8, marks: [1] },
      { start: 8, end: 10, marks: [] },
    ]);
  });
});
