import { z } from 'zod';
import { channel, noInput } from './ipc/channel';
import { base64Length, displayName, rule } from './limits';
import type { Language } from './settings';

export const colour = rule(
  z.string().trim().max(7).transform((value) => value.toLowerCase()),
  (value) => /^#[0-9a-f]{6}$/.test(value),
  'validation.colour',
  'Use a colour in the form #RRGGBB, e.g. #1F4E79.',
);

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(colour.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast (WCAG 2) of two #rrggbb colours: 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const READABLE_CONTRAST = 4.5;

/**
 * The text colour on the brand's colour (the portal's bars, the preview):
 * white or black, whichever contrasts more. One of the two reaches 4.58:1 on
 * any colour; a dark grey instead of black would fall below 4.5:1 on some.
 */
export const inkOn = (colour: string): string => (contrast(colour, '#ffffff') >= contrast(colour, '#000000') ? '#ffffff' : '#000000');

export const LOGO_MAX_BYTES = 1024 * 1024;
export const logoTypes = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/** The portal's name until the reseller names their brand, in the language of whoever reads it. */
export const defaultBrandNames: Record<Language, string> = { en: 'Client portal', de: 'Kundenportal' };

/** The brand's name as a client reads it: the reseller's own, or the default in the client's language. */
export const brandNameIn = (displayName: string | null, language: Language): string => displayName ?? defaultBrandNames[language];

export const brand = z.object({
  /** null: not named yet (see `brandNameIn`). */
  displayName: z.string().nullable(),
  primaryColour: z.string(),
  logo: z
    .object({
      type: z.enum(logoTypes),
      /** `data:` URL of the stored (for SVG: sanitised) bytes, ready for an <img>. */
      dataUrl: z.string(),
      bytes: z.number().int(),
      /** Pixels for PNG and JPEG; the nominal size from width/height or viewBox for SVG. */
      width: z.number(),
      height: z.number(),
    })
    .nullable(),
});
export type Brand = z.infer<typeof brand>;

export const brandingChannels = {
  'branding.get': channel({ input: noInput, output: brand, access: 'signedIn' }),
  'branding.update': channel({
    /** A display name of null gives the brand its default name back. */
    input: z.strictObject({ displayName: displayName.nullable().optional(), primaryColour: colour.optional() }),
    output: brand,
    access: 'branding.manage',
  }),
  /**
   * The renderer sends the file's bytes; its name and claimed type are not
   * trusted, the content decides. The bound (4 MB of bytes) is above the 1 MB
   * limit so that a somewhat oversized file gets the precise "at most 1 MB" answer.
   */
  'branding.logo.set': channel({
    input: z.strictObject({ data: z.base64().max(base64Length(4 * LOGO_MAX_BYTES)) }),
    output: brand.extend({
      /** What sanitising took out of an SVG (element and attribute names); empty for PNG and JPEG. */
      removed: z.array(z.string()),
    }),
    access: 'branding.manage',
  }),
  'branding.logo.remove': channel({ input: noInput, output: brand, access: 'branding.manage' }),
};
