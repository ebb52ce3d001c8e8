import { z } from 'zod';
import { channel, noInput } from './ipc/channel';

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

export const preferenceChannels = {
  'preferences.get': channel({ input: noInput, output: preferences, access: 'public' }),
  'preferences.update': channel({ input: preferencesPatch, output: preferences, access: 'public' }),
};
