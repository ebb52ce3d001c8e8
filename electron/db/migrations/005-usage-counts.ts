/**
 * How many clients hold each tag and use each feature, kept as the clients
 * change instead of counted on each ask: counting took 100 ms (tags, through
 * json_each) and 40 ms (features) on 100,000 clients, after every change and
 * at sign-in, with the main process blocked meanwhile. Read by the tag filter
 * and the feature catalogue.
 */
export default `
CREATE TABLE client_tag_usage (
  tag TEXT PRIMARY KEY,
  clients INTEGER NOT NULL CHECK (clients >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO client_tag_usage (tag, clients)
  SELECT t.value, count(*) FROM clients, json_each(clients.tags) AS t GROUP BY t.value;

CREATE TRIGGER client_tag_usage_insert AFTER INSERT ON clients WHEN new.tags <> '[]' BEGIN
  INSERT INTO client_tag_usage (tag, clients) SELECT value, 1 FROM json_each(new.tags) WHERE true
    ON CONFLICT (tag) DO UPDATE SET clients = clients + 1;
END;
CREATE TRIGGER client_tag_usage_update AFTER UPDATE OF tags ON clients WHEN old.tags <> new.tags BEGIN
  UPDATE client_tag_usage SET clients = clients - 1 WHERE tag IN (SELECT value FROM json_each(old.tags));
  INSERT INTO client_tag_usage (tag, clients) SELECT value, 1 FROM json_each(new.tags) WHERE true
    ON CONFLICT (tag) DO UPDATE SET clients = clients + 1;
  DELETE FROM client_tag_usage WHERE clients = 0;
END;
CREATE TRIGGER client_tag_usage_delete AFTER DELETE ON clients WHEN old.tags <> '[]' BEGIN
  UPDATE client_tag_usage SET clients = clients - 1 WHERE tag IN (SELECT value FROM json_each(old.tags));
  DELETE FROM client_tag_usage WHERE clients = 0;
END;

ALTER TABLE features ADD COLUMN clients INTEGER NOT NULL DEFAULT 0 CHECK (clients >= 0);
UPDATE features SET clients = (SELECT count(*) FROM client_features WHERE feature_key = features.key);
CREATE TRIGGER feature_usage_insert AFTER INSERT ON client_features BEGIN
  UPDATE features SET clients = clients + 1 WHERE key = new.feature_key;
END;
CREATE TRIGGER feature_usage_delete AFTER DELETE ON client_features BEGIN
  UPDATE features SET clients = clients - 1 WHERE key = old.feature_key;
END;
`;
