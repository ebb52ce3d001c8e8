import { blob, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { logoTypes } from '../../shared/branding';

/** One row (id 1): the reseller's brand. */
export const brand = sqliteTable('brand', {
  id: integer('id').primaryKey(),
  /** null: not named yet; clients read the default name in their language. */
  displayName: text('display_name'),
  primaryColour: text('primary_colour').notNull(),
  logo: blob('logo', { mode: 'buffer' }),
  logoType: text('logo_type', { enum: logoTypes }),
  logoWidth: real('logo_width'),
  logoHeight: real('logo_height'),
});
