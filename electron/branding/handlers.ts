import type { HandlersOf } from '../app/context';
import { changedFields, isEmpty } from '../app/patch';
import { checkLogo } from './logo';
import { readBrand, setLogo, updateBrand } from './repository';

/** Audit values of a logo: what it is, never its bytes. */
const logoFacts = (logo: { type: string; bytes: number } | null) => ({ logoType: logo?.type ?? null, logoBytes: logo?.bytes ?? null });

export const brandingHandlers: HandlersOf<'branding.get' | 'branding.update' | 'branding.logo.set' | 'branding.logo.remove'> = {
  'branding.get': (_input, ctx) => readBrand(ctx.workspace().db),

  'branding.update': (patch, ctx) => {
    const current = readBrand(ctx.workspace().db);
    // A display name of null is a change too (back to the default name).
    const changed = changedFields(patch, current);
    if (isEmpty(changed)) return current;
    return ctx.write((tx, audit) => {
      const before = readBrand(tx);
      updateBrand(tx, changed);
      const after = readBrand(tx);
      audit({
        action: 'branding.updated',
        summary: 'Brand changed',
        before: { displayName: before.displayName, primaryColour: before.primaryColour },
        after: { displayName: after.displayName, primaryColour: after.primaryColour },
      });
      return after;
    });
  },

  'branding.logo.set': ({ data }, ctx) => {
    const logo = checkLogo(Buffer.from(data, 'base64'));
    return ctx.write((tx, audit) => {
      const before = readBrand(tx).logo;
      setLogo(tx, logo);
      audit({
        action: 'branding.logoSet',
        summary: `Logo set (${logo.type}, ${logo.width} × ${logo.height})`,
        before: logoFacts(before),
        after: { ...logoFacts({ type: logo.type, bytes: logo.bytes.length }), removedBySanitising: logo.removed.join(', ') },
      });
      return { ...readBrand(tx), removed: logo.removed };
    });
  },

  'branding.logo.remove': (_input, ctx) =>
    ctx.write((tx, audit) => {
      const before = readBrand(tx).logo;
      setLogo(tx, null);
      audit({ action: 'branding.logoRemoved', summary: 'Logo removed', before: logoFacts(before), after: logoFacts(null) });
      return readBrand(tx);
    }),
};
