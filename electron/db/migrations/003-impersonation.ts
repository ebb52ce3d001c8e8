/** Log in as client / partner: session records and each client's say on partner access. */
export default `
-- A client may refuse partner (full-rights) access, or allow it until a date; no row means allowed.
CREATE TABLE client_partner_access (
  client_id INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
  access TEXT NOT NULL CHECK (access IN ('allowed', 'refused')),
  until INTEGER
) STRICT;

-- One row per opened window; kept after it ends as the client's access history.
CREATE TABLE impersonation_sessions (
  id TEXT PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  operator_id INTEGER NOT NULL,
  operator_name TEXT NOT NULL,
  view TEXT NOT NULL CHECK (view IN ('client', 'partner')),
  reason TEXT,
  read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
  started_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER,
  end_reason TEXT
) STRICT;
CREATE INDEX impersonation_by_client ON impersonation_sessions(client_id, started_at);
CREATE INDEX impersonation_open ON impersonation_sessions(ended_at) WHERE ended_at IS NULL;
`;
