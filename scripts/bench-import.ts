import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newSsoToken } from '../electron/clients/repository';
import { nameKey } from '../electron/clients/search';

/** One row of the import the benchmark sends, by field. */
interface ImportRow {
  companyName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  city: string;
  country: string;
  language: string;
  timeZone: string;
  tags: string[];
  features: string[];
  seatLimit: number;
  smsCredits: number;
}

/** The benchmark's import: `count` new clients, each with two tags, two features and SMS credits. */
export function importRows(count: number): ImportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    companyName: `Import ${i} Trading Ltd`,
    contactName: `Person ${i}`,
    contactEmail: `person${i}@import-${i % 97}.example`,
    contactPhone: `+44 20 7946 ${String(i % 10000).padStart(4, '0')}`,
    city: 'London',
    country: 'GB',
    language: 'en',
    timeZone: 'Europe/London',
    tags: ['imported', `batch ${i % 10}`],
    features: ['calendar', 'invoices'],
    seatLimit: 3,
    smsCredits: 100,
  }));
}

/** The rows as the CSV file the operator picks (no field needs quoting). */
export function importCsv(rows: readonly ImportRow[]): string {
  const lines = ['company_name,contact_name,contact_email,contact_phone,city,country,language,time_zone,tags,features,seat_limit,sms_credits'];
  for (const r of rows) {
    lines.push(
      [r.companyName, r.contactName, r.contactEmail, r.contactPhone, r.city, r.country, r.language, r.timeZone, r.tags.join('; '), r.features.join(';'), r.seatLimit, r.smsCredits].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The baseline for the import: the same rows written straight into a copy of
 * the same workspace, with what the import writes besides (features, credits,
 * search index, kept counts, one audit entry per client and one for the
 * import), in one transaction; no reading, no checks. Prepared statements,
 * one row each, run on the connection set up as the app sets up its own
 * (electron/db/open.ts; the app checkpoints in a worker, so not on commit).
 * Milliseconds from BEGIN to the end of COMMIT.
 */
export function rawImportMs(workspace: string, rows: readonly ImportRow[]): number {
  const folder = mkdtempSync(join(tmpdir(), 'reseller-desk-raw-import-'));
  const file = join(folder, 'workspace.sqlite');
  copyFileSync(workspace, file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 0');
    const now = Date.now();
    const client = db.prepare(
      `INSERT INTO clients (id, company_name, name_key, contact_name, contact_email, contact_phone, city, country, language, time_zone, status, tags, seat_limit, sso_token, sso_token_hint, portal_slug, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const feature = db.prepare('INSERT INTO client_features (client_id, feature_key) VALUES (?, ?)');
    const credit = db.prepare("INSERT INTO credit_ledger (client_id, kind, amount, reason, note, operator_id, actor, at) VALUES (?, 'sms', ?, 'initial', '', 1, 'bench', ?)");
    const audit = db.prepare("INSERT INTO audit_log (at, actor_kind, actor_id, actor, action, client_id, summary, after_json) VALUES (?, 'operator', 1, 'bench', ?, ?, ?, ?)");
    const started = performance.now();
    db.transaction(() => {
      const first = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM clients').pluck().get() as number) ?? 1;
      const used = new Map<string, number>();
      rows.forEach((r, i) => {
        const id = first + i;
        const tags = JSON.stringify(r.tags);
        // The token as it comes, unsealed: sealing is the app's work, which the ratio takes in.
        const token = newSsoToken();
        const slug = id.toString(16).padStart(8, '0') + randomBytes(16).toString('hex');
        client.run(id, r.companyName, nameKey(r.companyName), r.contactName, r.contactEmail, r.contactPhone, r.city, r.country, r.language, r.timeZone, tags, r.seatLimit, token, token.slice(-4), slug, now, now);
        for (const key of r.features) {
          feature.run(id, key);
          used.set(key, (used.get(key) ?? 0) + 1);
        }
        if (r.smsCredits > 0) credit.run(id, r.smsCredits, now);
        audit.run(now, 'client.imported', id, `Client imported: ${r.companyName}`, JSON.stringify({ ...r, tags: r.tags.join(', '), features: r.features.join(', '), status: 'active' }));
      });
      db.prepare('INSERT INTO clients_search (rowid, company_name, contact_name, contact_email, tags) SELECT id, company_name, contact_name, contact_email, tags FROM clients WHERE id >= ?').run(first);
      db.prepare(
        `INSERT INTO client_tag_usage (tag, clients) SELECT t.value, count(*) FROM clients, json_each(clients.tags) AS t WHERE clients.id >= ? GROUP BY t.value
         ON CONFLICT (tag) DO UPDATE SET clients = clients + excluded.clients`,
      ).run(first);
      const count = db.prepare('UPDATE features SET clients = clients + ? WHERE key = ?');
      for (const [key, n] of used) count.run(n, key);
      audit.run(now, 'clients.imported', null, `${rows.length} clients imported from bench.csv`, JSON.stringify({ file: 'bench.csv', imported: rows.length, skipped: 0 }));
    }).immediate();
    return performance.now() - started;
  } finally {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
