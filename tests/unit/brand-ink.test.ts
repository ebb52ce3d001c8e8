import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrast, inkOn, READABLE_CONTRAST } from '../../shared/branding';

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

describe('text on the brand colour', () => {
  it('reads at 4.5:1 or better on every colour of a 16-step grid of each channel', () => {
    const steps = Array.from({ length: 16 }, (_, i) => i * 17);
    for (const r of steps) for (const g of steps) for (const b of steps) {
      const colour = hex((r << 16) | (g << 8) | b);
      expect(contrast(inkOn(colour), colour), colour).toBeGreaterThanOrEqual(READABLE_CONTRAST);
    }
  });

  it('reads at 4.5:1 or better on any colour', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => contrast(inkOn(hex(n)), hex(n)) >= READABLE_CONTRAST), { numRuns: 20_000 });
  });

  it('is white on dark colours and black on light ones, as WCAG measures them', () => {
    expect(inkOn('#1f4e79')).toBe('#ffffff');
    expect(inkOn('#f6f7f9')).toBe('#000000');
    expect(inkOn('#ffd400')).toBe('#000000');
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrast('#777777', '#777777')).toBe(1);
  });
});
