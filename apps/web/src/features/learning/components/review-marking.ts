// Pure helpers for the review exercise: marks are character offsets into the raw document string
// (newlines included), exactly what the server grades against.

export interface TextRange {
  start: number;
  end: number;
}

/** Characters from the start of `container` to a boundary point (node, offset) inside it. */
function offsetOf(container: Node, node: Node, offset: number): number {
  const before = container.ownerDocument!.createRange();
  before.selectNodeContents(container);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * Maps a DOM selection range to offsets within the document element. The element must hold the document
 * text and nothing else (highlights are elements around the text, never extra text). Parts of the range
 * outside the element are cut off; surrounding whitespace is trimmed. Null when nothing of the text is selected.
 */
export function rangeToOffsets(container: Node, range: Range, text: string): TextRange | null {
  if (range.collapsed) return null;
  const inside = container.ownerDocument!.createRange();
  inside.selectNodeContents(container);
  // No overlap with the document at all.
  if (range.compareBoundaryPoints(Range.END_TO_START, inside) >= 0) return null;
  if (range.compareBoundaryPoints(Range.START_TO_END, inside) <= 0) return null;
  const startsBefore = range.compareBoundaryPoints(Range.START_TO_START, inside) < 0;
  const endsAfter = range.compareBoundaryPoints(Range.END_TO_END, inside) > 0;
  const start = startsBefore ? 0 : offsetOf(container, range.startContainer, range.startOffset);
  const end = endsAfter ? text.length : offsetOf(container, range.endContainer, range.endOffset);
  return trimRange(text, start, end);
}

/** Drops whitespace at both ends of a range (a double-click selects the space after a word). */
export function trimRange(text: string, from: number, to: number): TextRange | null {
  let start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

export interface Segment extends TextRange {
  /** Indexes of the marks covering this piece of text (empty = plain text). */
  marks: number[];
}

/** Cuts the document at every mark boundary so each piece can be drawn highlighted or plain. */
export function segmentText(length: number, marks: TextRange[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(length, m.start)));
    cuts.add(Math.max(0, Math.min(length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const covering = marks.flatMap((m, index) => (m.start <= start && m.end >= end ? [index] : []));
    segments.push({ start, end, marks: covering });
  }
  return segments;
}
