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
