// People bitmaps of the dashboards' read models (ADR 0013): bit n is the person with users.dash_slot n,
// bit n % 8 (least significant first) of byte n / 8, as PostgreSQL's set_bit on bytea numbers them.

/** OR of bitmaps of any lengths. */
export function orBits(maps: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(maps.reduce((n, m) => Math.max(n, m.length), 0));
  for (const m of maps) for (let i = 0; i < m.length; i++) out[i] |= m[i];
  return out;
}

/** AND of two bitmaps. */
export function andBits(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.min(a.length, b.length));
  for (let i = 0; i < out.length; i++) out[i] = a[i] & b[i];
  return out;
}

/** Calls `each` with the slot of every set bit. */
export function forEachSlot(bits: Uint8Array, each: (slot: number) => void): void {
  for (let i = 0; i < bits.length; i++) {
    let b = bits[i];
    while (b) {
      const low = b & -b;
      each(i * 8 + 31 - Math.clz32(low));
      b ^= low;
    }
  }
}

/** Set bits per group, given each slot's group (-1 or undefined for none). */
export function countByGroup(bits: Uint8Array, groupOf: Int32Array, groups: number): number[] {
  const counts = new Array<number>(groups).fill(0);
  forEachSlot(bits, (slot) => {
    const g = slot < groupOf.length ? groupOf[slot] : -1;
    if (g >= 0) counts[g]++;
  });
  return counts;
}

/** A copy without the given slots. */
export function withoutSlots(bits: Uint8Array, slots: readonly number[]): Uint8Array {
  const out = Uint8Array.from(bits);
  for (const s of slots) if (s >> 3 < out.length) out[s >> 3] &= ~(1 << (s & 7));
  return out;
}

export function slotsOf(bits: Uint8Array): number[] {
  const out: number[] = [];
  forEachSlot(bits, (s) => out.push(s));
  return out;
}
