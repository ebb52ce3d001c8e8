/** "#1f4e79" or "#1F4E79": the form the brand's colour is stored in. */
export const isColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value.trim());

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(colour.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast of white text (as the portal's header has it) on the colour: 1 to 21. */
export const contrastWithWhite = (colour: string) => 1.05 / (luminance(colour) + 0.05);

/** WCAG AA for normal text. */
export const READABLE_CONTRAST = 4.5;
