/**
 * Who acted, told apart (issue 12, finding 4). An entry kept only
 * operator_id, which also held a client user's id for their failed portal
 * sign-ins, so an operator with the same id read them as their own actions.
 * Now actor_kind says whose id actor_id is: an operator's, a client user's,
 * or none for the app itself (the built-in portal, first start, generators)
 * and anonymous callers (a sign-in for an account that does not exist).
 *
 * Existing entries, from what the app wrote until now:
 * - a failed sign-in with a client is a client user's portal sign-in (only
 *   those name a client): the user's if an id was kept, else anonymous; a
 *   failed sign-in without one is an operator's, or anonymous without an id;
 * - an accepted invitation and a client user's sign-in are that client user's,
 *   found by the e-mail the entry names (no id if it changed since);
 * - any other entry without an id is the app's own; the rest are operators'.
 * The table is rebuilt (as in migration 008): the append-only triggers refuse
 * the updates an in-place conversion would take.
 */
export default `
CREATE TABLE audit_log_actors (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('operator', 'client_user', 'system', 'anonymous')),
  actor_id INTEGER CHECK (actor_id IS NULL OR actor_kind IN ('operator', 'client_user')),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  client_id INTEGER,
  summary TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
) STRICT;
INSERT INTO audit_log_actors (id, at, actor_kind, actor_id, actor, action, client_id, summary, before_json, after_json)
  SELECT a.id, a.at,
    CASE
      WHEN a.action IN ('clientUser.activated', 'portal.clientUserSignedIn') THEN 'client_user'
      WHEN a.action = 'session.signInFailed' AND a.operator_id IS NULL THEN 'anonymous'
      WHEN a.action = 'session.signInFailed' AND a.client_id IS NOT NULL THEN 'client_user'
      WHEN a.operator_id IS NULL THEN 'system'
      ELSE 'operator'
    END,
    CASE
      WHEN a.action IN ('clientUser.activated', 'portal.clientUserSignedIn')
        THEN (SELECT u.id FROM client_users AS u WHERE u.client_id = a.client_id AND u.email = a.actor)
      ELSE a.operator_id
    END,
    a.actor, a.action, a.client_id, a.summary, a.before_json, a.after_json
  FROM audit_log AS a;
DROP TABLE audit_log;
ALTER TABLE audit_log_actors RENAME TO audit_log;
CREATE INDEX audit_by_client ON audit_log(client_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
