/**
 * A client's portal sign-in page is addressed by a random slug (128 bits)
 * rather than its id: ids count up from 1, so anyone reaching the portal could
 * walk them and read every company's name. Existing clients get theirs here;
 * new ones get one where their row is built (clients repository).
 * Invitations are found by their token's hash: indexed, and never two alike.
 */
export default `
ALTER TABLE clients ADD COLUMN portal_slug TEXT NOT NULL DEFAULT '';
UPDATE clients SET portal_slug = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX clients_by_portal_slug ON clients(portal_slug);
CREATE UNIQUE INDEX client_invitations_by_token ON client_invitations(token_hash);
`;
