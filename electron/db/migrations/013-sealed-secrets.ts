/**
 * Clients' SSO tokens and the links of queued invitations were kept in clear:
 * anyone who could read the workspace file could use them. From here on they
 * are sealed with the workspace's data key (db/sealed.ts), which SQL cannot
 * do: this marks the workspace, and the app seals what is stored the next time
 * it opens it, removing the mark in the same transaction
 * (workspace/data-key.ts). The last four characters of each token stay
 * readable beside it, for the masked token the client view shows, so showing
 * a client never needs the key.
 */
export default `
ALTER TABLE clients ADD COLUMN sso_token_hint TEXT NOT NULL DEFAULT '';
UPDATE clients SET sso_token_hint = substr(sso_token, -4);
INSERT INTO workspace_meta (key, value) VALUES ('secretsToSeal', '1')
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
`;
