/**
 * The client portfolio: details, tags, status reasons, SSO tokens, seats and
 * client users with invitations, features (catalogue, plan, white-label),
 * credits as a ledger, the reseller's brand and the mail outbox.
 */
export default `
ALTER TABLE clients ADD COLUMN notes TEXT NOT NULL DEFAULT '';
-- Tags as a JSON array of lower-case strings: one place per fact, searchable through the index below.
ALTER TABLE clients ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');
-- External portal: https URL template with {token}; NULL means the built-in portal.
ALTER TABLE clients ADD COLUMN portal_sso_url TEXT;
-- Set while suspended, kept while archived: restore brings a suspended client back suspended.
ALTER TABLE clients ADD COLUMN suspension_reason TEXT;
ALTER TABLE clients ADD COLUMN seat_limit INTEGER NOT NULL DEFAULT 1 CHECK (seat_limit >= 0);
-- Stored readable so the client view can reveal it; a rotation replaces it, so the old one no longer finds the client.
ALTER TABLE clients ADD COLUMN sso_token TEXT NOT NULL DEFAULT '';
UPDATE clients SET sso_token = lower(hex(randomblob(24)));
CREATE UNIQUE INDEX clients_by_sso_token ON clients(sso_token);
CREATE INDEX clients_by_email ON clients(contact_email);

-- The search index gains the tags. New clients are added to it by the clients
-- repository in one statement per write (a per-row trigger costs 50 µs a row,
-- too slow for importing 100,000 clients); changes and deletes keep their triggers.
DROP TRIGGER clients_search_insert;
DROP TRIGGER clients_search_delete;
DROP TRIGGER clients_search_update;
DROP TABLE clients_search;
CREATE VIRTUAL TABLE clients_search USING fts5(
  company_name, contact_name, contact_email, tags,
  content = 'clients', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  -- Prefix indexes: one- to three-letter searches as you type stay fast on 100,000 clients.
  prefix = '1 2 3'
);
INSERT INTO clients_search(clients_search) VALUES ('rebuild');
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
  INSERT INTO clients_search(clients_search, rowid, company_name, contact_name, contact_email, tags)
  VALUES ('delete', old.id, old.company_name, old.contact_name, old.contact_email, old.tags);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF company_name, contact_name, contact_email, tags ON clients BEGIN
  INSERT INTO clients_search(clients_search, rowid, company_name, contact_name, contact_email, tags)
  VALUES ('delete', old.id, old.company_name, old.contact_name, old.contact_email, old.tags);
  INSERT INTO clients_search(rowid, company_name, contact_name, contact_email, tags)
  VALUES (new.id, new.company_name, new.contact_name, new.contact_email, new.tags);
END;

-- The platform's features; their names in English and German are in shared/features.ts.
CREATE TABLE features (
  key TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  -- The reseller's plan allows it: only then can clients get it.
  in_plan INTEGER NOT NULL DEFAULT 1 CHECK (in_plan IN (0, 1)),
  -- Hidden by white-labelling: shown in the partner view of the portal, not in the client view.
  hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;
INSERT INTO features (key, position) VALUES
  ('calendar', 1), ('online-booking', 2), ('sms-reminders', 3), ('phone-calls', 4), ('invoices', 5),
  ('crm-contacts', 6), ('reports', 7), ('api-access', 8), ('white-label-app', 9), ('integrations', 10);

CREATE TABLE client_features (
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  feature_key TEXT NOT NULL REFERENCES features(key),
  PRIMARY KEY (client_id, feature_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX client_features_by_feature ON client_features(feature_key, client_id);

CREATE TABLE client_users (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'user')),
  status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, email)
) STRICT;

-- Only a hash of the token is kept: the link in the mail is the one copy.
CREATE TABLE client_invitations (
  id INTEGER PRIMARY KEY,
  client_user_id INTEGER NOT NULL REFERENCES client_users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER
) STRICT;
CREATE INDEX client_invitations_by_user ON client_invitations(client_user_id);

-- Append-only: the balance is the sum; a correction is a new entry, never an edit.
CREATE TABLE credit_ledger (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('sms', 'call')),
  amount INTEGER NOT NULL CHECK (amount <> 0),
  reason TEXT NOT NULL CHECK (reason IN ('initial', 'top_up', 'usage', 'correction')),
  note TEXT NOT NULL DEFAULT '',
  operator_id INTEGER,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX credit_ledger_by_client ON credit_ledger(client_id, kind, amount);
CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE ON credit_ledger
BEGIN SELECT RAISE(ABORT, 'the credit ledger is append-only'); END;

-- The reseller's brand for the client view of the portal: one row.
CREATE TABLE brand (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  display_name TEXT NOT NULL,
  primary_colour TEXT NOT NULL,
  logo BLOB,
  logo_type TEXT CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
  logo_width REAL,
  logo_height REAL
) STRICT;
INSERT INTO brand (id, display_name, primary_colour) VALUES (1, 'Client portal', '#1f4e79');

-- Mail waiting for the sender (a later version wires SMTP); {link} in the body
-- becomes the portal's address of link_path when it is sent.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  client_id INTEGER REFERENCES clients(id) ON DELETE SET NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  link_path TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX mail_outbox_by_client ON mail_outbox(client_id, id);
`;
