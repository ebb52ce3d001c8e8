/**
 * A client's portal sign-in page is addressed by a slug with 128 random bits
 * rather than its id: ids count up from 1, so anyone reaching the portal could
 * walk them and read every company's name. The slug starts with the id in hex
 * so that new ones go to the end of the unique index (see newPortalSlug in the
 * clients repository, where new clients get theirs); existing clients get theirs here.
 * Invitations are found by their token's hash: indexed, and never two alike.
 */
export default `
ALTER TABLE clients ADD COLUMN portal_slug TEXT NOT NULL DEFAULT '';
UPDATE clients SET portal_slug = printf('%08x', id) || lower(hex(randomblob(16)));
CREATE UNIQUE INDEX clients_by_portal_slug ON clients(portal_slug);
CREATE UNIQUE INDEX client_invitations_by_token ON client_invitations(token_hash);
`;
