import { z } from 'zod';

export const themes = ['system', 'light', 'dark'] as const;
export const languages = ['en', 'de'] as const;
export type Language = (typeof languages)[number];

/** Preferences of this installation, kept in the settings store, not the workspace. */
export const preferences = z.object({
  theme: z.enum(themes),
  language: z.enum(languages),
});
export type Preferences = z.infer<typeof preferences>;

export const preferencesPatch = preferences.partial().strict();
