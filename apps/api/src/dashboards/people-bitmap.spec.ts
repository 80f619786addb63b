import { andBits, countByGroup, forEachSlot, orBits, slotsOf, withoutSlots } from './people-bitmap.js';

// Bit n is bit n % 8 (least significant first) of byte n / 8, as PostgreSQL's set_bit(bytea) numbers them.
const bits = (...slots: number[]) => {
  const out = new Uint8Array(slots.length ? (Math.max(...slots) >> 3) + 1 : 0);
  for (const s of slots) out[s >> 3] |= 1 << (s & 7);
  return out;
};

describe('people bitmaps', () => {
  it('number bits like set_bit on bytea', () => {
    expect([...bits(0)]).toEqual([0b1]);
    expect([...bits(7)]).toEqual([0b1000_0000]);
    expect([...bits(8, 15)]).toEqual([0, 0b1000_0001]);
    expect(slotsOf(Uint8Array.from([0b1010_0001, 0, 0b1]))).toEqual([0, 5, 7, 16]);
  });

  it('OR bitmaps of different lengths, and AND them', () => {
    expect(slotsOf(orBits([bits(1, 3), bits(20), new Uint8Array(0)]))).toEqual([1, 3, 20]);
    expect(orBits([]).length).toBe(0);
    expect(slotsOf(andBits(bits(1, 3, 20), bits(3, 20, 40)))).toEqual([3, 20]);
  });

  it('visits every set bit once, in order', () => {
    const seen: number[] = [];
    forEachSlot(bits(0, 9, 31, 32, 1000), (s) => seen.push(s));
    expect(seen).toEqual([0, 9, 31, 32, 1000]);
  });

  it('counts set bits per group, ignoring slots without a group', () => {
    const groupOf = Int32Array.from([0, 1, 1, -1, 0]);
    expect(countByGroup(bits(0, 1, 2, 3, 4, 99), groupOf, 2)).toEqual([2, 2]);
  });

  it('removes slots, also beyond the bitmap, without touching the original', () => {
    const original = bits(2, 5, 9);
    expect(slotsOf(withoutSlots(original, [5, 200]))).toEqual([2, 9]);
    expect(slotsOf(original)).toEqual([2, 5, 9]);
  });
});
