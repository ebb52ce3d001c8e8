/**
 * Sign-in attempts are throttled per account *and source* and per source
 * (electron/operators/throttle.ts), reserved before the password is checked.
 * The old per-e-mail failures had no source and last at most 15 minutes:
 * they are dropped, not carried over.
 */
export default `
CREATE TABLE sign_in_throttle (
  -- 'account': one account's attempts from one source (key: JSON [account, source]); 'source': a source's attempts on any account.
  kind TEXT NOT NULL CHECK (kind IN ('account', 'source')),
  key TEXT NOT NULL,
  -- Attempts counted as failures, each reserved before its check; a success takes its own back.
  failures INTEGER NOT NULL,
  -- No attempt is checked before this time.
  retry_at INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) STRICT, WITHOUT ROWID;

DROP TABLE sign_in_failures;
`;
