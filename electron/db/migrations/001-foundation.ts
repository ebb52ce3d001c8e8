/** Workspace foundation: operators and roles, clients with search, append-only audit. */
export default `
CREATE TABLE workspace_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE roles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- The built-in Administrator holds every permission, including ones later versions add.
  all_permissions INTEGER NOT NULL DEFAULT 0 CHECK (all_permissions IN (0, 1)),
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
) STRICT;
INSERT INTO roles (name, all_permissions, builtin) VALUES ('Administrator', 1, 1);

CREATE TABLE role_permissions (
  role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
) STRICT, WITHOUT ROWID;

CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role_id INTEGER NOT NULL REFERENCES roles(id),
  -- Accessible accounts: every client, or only those listed in operator_clients.
  all_clients INTEGER NOT NULL DEFAULT 1 CHECK (all_clients IN (0, 1)),
  created_at INTEGER NOT NULL,
  last_sign_in_at INTEGER
) STRICT;

CREATE TABLE sign_in_failures (
  email TEXT PRIMARY KEY COLLATE NOCASE,
  failures INTEGER NOT NULL,
  retry_at INTEGER NOT NULL
) STRICT;

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  company_name TEXT NOT NULL,
  -- Lower-case, accent-free company name: the sort order of the client list.
  name_key TEXT NOT NULL,
  contact_name TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL,
  contact_phone TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
  time_zone TEXT NOT NULL DEFAULT 'UTC',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'archived')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX clients_by_name ON clients(name_key, id);
CREATE INDEX clients_by_status ON clients(status, name_key, id);

CREATE TABLE operator_clients (
  operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  PRIMARY KEY (operator_id, client_id)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE clients_search USING fts5(
  company_name, contact_name, contact_email,
  content = 'clients', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  -- Prefix indexes: one- to three-letter searches as you type stay fast on 100,000 clients.
  prefix = '1 2 3'
);
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
  INSERT INTO clients_search(rowid, company_name, contact_name, contact_email)
  VALUES (new.id, new.company_name, new.contact_name, new.contact_email);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
  INSERT INTO clients_search(clients_search, rowid, company_name, contact_name, contact_email)
  VALUES ('delete', old.id, old.company_name, old.contact_name, old.contact_email);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF company_name, contact_name, contact_email ON clients BEGIN
  INSERT INTO clients_search(clients_search, rowid, company_name, contact_name, contact_email)
  VALUES ('delete', old.id, old.company_name, old.contact_name, old.contact_email);
  INSERT INTO clients_search(rowid, company_name, contact_name, contact_email)
  VALUES (new.id, new.company_name, new.contact_name, new.contact_email);
END;

-- No foreign keys: the trail outlives the operators and clients it names.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  operator_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  client_id INTEGER,
  summary TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
) STRICT;
CREATE INDEX audit_by_client ON audit_log(client_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
