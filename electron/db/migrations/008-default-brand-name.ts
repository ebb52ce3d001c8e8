/**
 * An unnamed brand is NULL, not the English default: the portal and the
 * invitations show the default name in each client's language ("Client
 * portal", "Kundenportal"). Comparing with the English text made a reseller
 * who named their brand exactly "Client portal" read "Kundenportal" in German.
 * SQLite cannot drop NOT NULL in place, so the one-row table is rebuilt; the
 * stored English default becomes NULL, as it always meant "not named yet".
 */
export default `
CREATE TABLE brand_named (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- NULL: not named; each client reads the default name in their language.
  display_name TEXT,
  primary_colour TEXT NOT NULL,
  logo BLOB,
  logo_type TEXT CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
  logo_width REAL,
  logo_height REAL
) STRICT;
INSERT INTO brand_named (id, display_name, primary_colour, logo, logo_type, logo_width, logo_height)
  SELECT id, NULLIF(display_name, 'Client portal'), primary_colour, logo, logo_type, logo_width, logo_height FROM brand;
DROP TABLE brand;
ALTER TABLE brand_named RENAME TO brand;
`;
