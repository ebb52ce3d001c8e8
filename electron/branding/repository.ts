import { eq } from 'drizzle-orm';
import type { Brand } from '../../shared/branding';
import type { Queryable } from '../db/open';
import type { CheckedLogo } from './logo';
import { brand } from './schema';

/** The single brand row (created by migration 002). */
export function readBrand(db: Queryable): Brand {
  const row = db.select().from(brand).where(eq(brand.id, 1)).get();
  if (!row) throw new Error('the brand row is missing');
  return {
    displayName: row.displayName,
    primaryColour: row.primaryColour,
    logo:
      row.logo && row.logoType
        ? {
            type: row.logoType,
            dataUrl: `data:${row.logoType};base64,${row.logo.toString('base64')}`,
            bytes: row.logo.length,
            width: row.logoWidth ?? 0,
            height: row.logoHeight ?? 0,
          }
        : null,
  };
}

export function updateBrand(db: Queryable, patch: { displayName?: string | null | undefined; primaryColour?: string | undefined }): void {
  db.update(brand).set(patch).where(eq(brand.id, 1)).run();
}

export function setLogo(db: Queryable, logo: Pick<CheckedLogo, 'type' | 'bytes' | 'width' | 'height'> | null): void {
  db.update(brand)
    .set({ logo: logo?.bytes ?? null, logoType: logo?.type ?? null, logoWidth: logo?.width ?? null, logoHeight: logo?.height ?? null })
    .where(eq(brand.id, 1))
    .run();
}
