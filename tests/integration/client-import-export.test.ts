import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../shared/client-import';
import { snapshot, testCore, withAdministrator, type TestCore } from '../support/core';
import { createClient, csv, previewImport } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

async function admin() {
  t = testCore();
  await withAdministrator(t);
}

const header = 'company_name,contact_name,contact_email,contact_phone,city,country,language,time_zone,tags,features,seat_limit,sms_credits';

describe('CSV import', () => {
  it('previews, then commits all rows in one go with audit, features, credits and search', async () => {
    await admin();
    const { importId, preview } = await previewImport(
      t,
      csv(header, 'Acme Ltd,Ann Able,ann@acme.example,+44 20 7946 0958,London,gb,en,Europe/London,vip; wholesale,calendar;invoices,3,100', 'Bolt GmbH,Ben Bolt,ben@bolt.example,,Berlin,DE,de,Europe/Berlin,,,,'),
    );
    expect(preview).toMatchObject({ fileName: 'clients.csv', rows: 2, validRows: 2, invalidRows: 0, errorCount: 0, warningCount: 0 });
    expect(preview.columns.map((c) => c.field)).toEqual(['companyName', 'contactName', 'contactEmail', 'contactPhone', 'city', 'country', 'language', 'timeZone', 'tags', 'features', 'seatLimit', 'smsCredits']);
    expect(preview.sample[0]).toEqual({ row: 2, values: expect.objectContaining({ companyName: 'Acme Ltd', country: 'GB', tags: 'vip; wholesale', seatLimit: '3' }) });
    expect(await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' })).toEqual({ imported: 2, skipped: 0 });
    const acme = (await t.ok('clients.list', { query: 'wholesale' })).rows[0]!;
    expect(await t.ok('clients.get', { id: acme.id })).toMatchObject({ companyName: 'Acme Ltd', features: ['calendar', 'invoices'], seatLimit: 3, credits: { sms: 100, call: 0 }, status: 'active' });
    const bolt = (await t.ok('clients.list', { query: 'bolt' })).rows[0]!;
    expect(await t.ok('clients.get', { id: bolt.id })).toMatchObject({ seatLimit: 5, language: 'de', features: [] });
    expect((await t.ok('audit.list', { clientId: acme.id })).rows[0]).toMatchObject({
      action: 'client.imported',
      actor: 'Ada Admin',
      after: { companyName: 'Acme Ltd', tags: 'vip, wholesale', features: 'calendar, invoices', smsCredits: 100, callCredits: 0, seatLimit: 3, status: 'active' },
    });
    expect((await t.ok('audit.list', {})).rows[0]).toMatchObject({ action: 'clients.imported', after: { imported: 2, skipped: 0, file: 'clients.csv' } });
    const progress = t.shell.events.filter(([e]) => e === 'clients.import.progress').map(([, p]) => (p as { phase: string }).phase);
    expect(progress).toEqual(expect.arrayContaining(['reading', 'validating', 'committing', 'done']));
    // The finished import is closed.
    expect((await t.fail('clients.import.commit', { importId, mode: 'allOrNothing' })).key).toBe('import.notFound');
  });

  it('reads quotes, separators and line breaks inside fields, a BOM, semicolons and spreadsheet headers', async () => {
    await admin();
    const text = '\uFEFFFirma;Ansprechpartner;E-Mail;Notizen\r\n"Müller ""&"" Söhne; KG";Jörg Müller;joerg@mueller.example;"Line one\nline two, with comma"\r\n';
    const { importId, preview } = await previewImport(t, text);
    expect(preview.errorCount).toBe(0);
    expect(preview.sample[0]!.values).toMatchObject({ companyName: 'Müller "&" Söhne; KG', contactName: 'Jörg Müller', notes: 'Line one\nline two, with comma' });
    await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
    const { rows } = await t.ok('clients.list', { query: 'söhne' });
    expect((await t.ok('clients.get', { id: rows[0]!.id })).notes).toBe('Line one\nline two, with comma');
  });

  it('reads number cells as typed: a sign is kept, exponents and fractions are no whole numbers, a huge figure is too large', async () => {
    await admin();
    const { preview } = await previewImport(
      t,
      csv(
        'company_name,contact_name,contact_email,seat_limit,sms_credits',
        'Plus,P,plus@example.com,+7,+10',
        'Minus,M,minus@example.com,3,-5',
        'Exponent,E,exp@example.com,1e3,',
        'Fraction,F,fraction@example.com,,2.5',
        'Huge,H,huge@example.com,12345678901,99999999999999',
      ),
    );
    expect(preview.errors.map((e) => [e.row, e.column, e.key, e.params])).toEqual([
      [3, 'sms_credits', 'validation.tooSmall', { minimum: 0 }],
      [4, 'seat_limit', 'validation.wholeNumber', undefined],
      [5, 'sms_credits', 'validation.wholeNumber', undefined],
      [6, 'seat_limit', 'validation.tooLarge', { maximum: 100_000 }],
      [6, 'sms_credits', 'validation.tooLarge', { maximum: 1_000_000_000 }],
    ]);
    expect(preview.validRows).toBe(1);
  });

  it('reports each bad row with row, column and reason; all-or-nothing refuses, skipping imports the rest', async () => {
    await admin();
    await createClient(t, { companyName: 'Existing Ltd', contactEmail: 'taken@example.com' });
    await t.ok('features.update', { key: 'api-access', inPlan: false });
    const { importId, preview } = await previewImport(
      t,
      csv(
        'company_name,contact_name,contact_email,contact_phone,features,seat_limit,favourite_colour',
        'Good One,G,good1@example.com,,,,blue',
        'Bad Mail,B,not-an-email,,,,',
        'Bad Phone,B,phone@example.com,0301234,,,',
        'Taken,T,taken@example.com,,,,',
        'Twice,T,good1@example.com,,,,',
        'Plan,P,plan@example.com,,api-access,,',
        'Seats,S,seats@example.com,,,many,',
        'Minus,M,minus@example.com,,,-2,',
        ',Nameless,nameless@example.com,,,,',
        'Existing Ltd,E,other@example.com,,,,',
        'Too,Many,cells@example.com,,,,,extra',
        // The same bad cells again: each row gets its own errors (cells are checked once per distinct value).
        'Seats Again,S,seats2@example.com,0301234,,many,',
      ),
    );
    expect(preview).toMatchObject({ rows: 12, validRows: 2, invalidRows: 10 });
    const errors = preview.errors.map((e) => [e.row, e.column, e.key]);
    expect(errors).toEqual([
      [3, 'contact_email', 'validation.email'],
      [4, 'contact_phone', 'validation.phone'],
      [5, 'contact_email', 'clients.duplicateEmail'],
      [6, 'contact_email', 'import.duplicateInFile'],
      [7, 'features', 'features.notInPlan'],
      [8, 'seat_limit', 'validation.wholeNumber'],
      [9, 'seat_limit', 'validation.tooSmall'],
      [10, 'company_name', 'validation.required'],
      [12, null, 'import.extraCells'],
      [13, 'contact_phone', 'validation.phone'],
      [13, 'seat_limit', 'validation.wholeNumber'],
    ]);
    expect(preview.errors[3]!.params).toEqual({ email: 'good1@example.com', firstRow: 2 });
    expect(preview.warnings.map((w) => [w.row, w.key])).toEqual([
      [1, 'import.columnIgnored'],
      [11, 'import.duplicateCompanyName'],
    ]);
    const before = snapshot(t);
    expect(await t.fail('clients.import.commit', { importId, mode: 'allOrNothing' })).toMatchObject({ code: 'CONFLICT', key: 'import.hasErrors', params: { invalid: 10, valid: 2 } });
    expect(snapshot(t)).toBe(before);
    expect(await t.ok('clients.import.commit', { importId, mode: 'skipInvalid' })).toEqual({ imported: 2, skipped: 10 });
    expect((await t.ok('clients.list', {})).total).toBe(3);
  });

  it('says what is wrong with the file itself and changes nothing', async () => {
    await admin();
    const before = snapshot(t);
    const latin1 = Buffer.concat([Buffer.from(`${header}\nM`), Buffer.from([0xfc]), Buffer.from('ller,M,m@example.com\n')]);
    const cases: [string | Buffer, string, object?][] = [
      [latin1, 'import.notUtf8', { line: 2 }],
      [Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'import.utf16'],
      [csv('Acme Ltd,Ann,ann@example.com', 'Bolt,Ben,ben@example.com'), 'import.noHeader'],
      [csv(header), 'import.empty'],
      [csv('company_name,contact_name,contact_email', '"Acme,Ann,ann@example.com'), 'import.quoteNotClosed'],
    ];
    for (const [content, key, params] of cases) {
      const error = await previewImport(t, content).then(
        () => null,
        (e: Error) => JSON.parse(e.message.slice(e.message.indexOf('{'))) as { key: string; params?: object },
      );
      expect(error, key).toMatchObject({ key, ...(params && { params }) });
    }
    const { preview } = await previewImport(t, csv('company_name,contact_email', 'Acme,a@example.com'));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 1, key: 'import.missingColumn', params: { column: 'contact_name' } })]);
    expect(preview.validRows).toBe(0);
    expect(snapshot(t)).toBe(before);
  });

  it('reads each piece while the next is on its way, and a piece that cannot be read ends the import at the next call', async () => {
    await admin();
    const before = snapshot(t);
    const start = Buffer.from(`company_name,contact_name,contact_email\r\n"${'x'.repeat(300 * 1024)}`);
    const rest = Buffer.from('",Ann,ann@example.com\r\n');
    const { importId } = await t.ok('clients.import.begin', { fileName: 'runaway.csv', size: start.length + rest.length });
    // The piece is taken at once; parsing it (a quoted field past 256 KB) fails after the answer.
    expect(await t.ok('clients.import.chunk', { importId, data: start.toString('base64') })).toMatchObject({ receivedBytes: start.length });
    expect(await t.fail('clients.import.chunk', { importId, data: rest.toString('base64') })).toMatchObject({ key: 'import.rowTooLong', params: { line: 2 } });
    expect((await t.fail('clients.import.preview', { importId })).key).toBe('import.notFound');
    expect(snapshot(t)).toBe(before);
  });

  it('checks rows again when the plan changed between sending the file and the preview', async () => {
    await admin();
    const file = Buffer.from(csv('company_name,contact_name,contact_email,features', 'Acme,Ann,ann@acme.example,reports', 'Bolt,Ben,ben@bolt.example,reports'));
    const { importId } = await t.ok('clients.import.begin', { fileName: 'plan.csv', size: file.length });
    await t.ok('clients.import.chunk', { importId, data: file.toString('base64') });
    // Rows are checked as they arrive (all but the last, which waits for the end of the file), against the plan as it was then.
    await vi.waitFor(() => expect(t.shell.events.some(([e, p]) => e === 'clients.import.progress' && (p as { phase: string }).phase === 'validating')).toBe(true));
    await t.ok('features.update', { key: 'reports', inPlan: false });
    const preview = await t.ok('clients.import.preview', { importId });
    expect(preview).toMatchObject({ validRows: 0, invalidRows: 2 });
    expect(preview.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [2, 'features', 'features.notInPlan'],
      [3, 'features', 'features.notInPlan'],
    ]);
  });

  it('refuses a 50 MB file up front with the limit in the message, and more bytes than announced', async () => {
    await admin();
    const before = snapshot(t);
    const error = await t.fail('clients.import.begin', { fileName: 'huge.csv', size: 50 * 1024 * 1024 });
    expect(error).toMatchObject({ code: 'VALIDATION', key: 'import.tooLarge', params: { sizeMb: 50, limitMb: 25 } });
    expect(error.message).toContain('25 MB');
    const { importId } = await t.ok('clients.import.begin', { fileName: 'small.csv', size: 4 });
    expect(await t.fail('clients.import.chunk', { importId, data: Buffer.from('12345').toString('base64') })).toMatchObject({ key: 'import.sizeMismatch', params: { declared: 4, received: 5 } });
    // The refused import is over.
    expect((await t.fail('clients.import.chunk', { importId, data: 'YQ==' })).key).toBe('import.notFound');
    expect(IMPORT_MAX_BYTES).toBe(25 * 1024 * 1024);
    expect(snapshot(t)).toBe(before);
  });

  it('lets the operator map columns, and cancelling leaves nothing behind', async () => {
    await admin();
    const { importId, preview } = await previewImport(t, csv('Kunde,Person,Mail', 'Acme,Ann,ann@example.com'));
    expect(preview.columns.map((c) => c.field)).toEqual([null, null, 'contactEmail']);
    const mapped = await t.ok('clients.import.preview', {
      importId,
      mapping: [
        { index: 0, field: 'companyName' },
        { index: 1, field: 'contactName' },
      ],
    });
    expect(mapped).toMatchObject({ validRows: 1, errorCount: 0 });
    expect((await t.fail('clients.import.preview', { importId, mapping: [{ index: 7, field: 'city' }] })).fields?.[0]).toMatchObject({ key: 'import.noSuchColumn' });
    const before = snapshot(t);
    expect(await t.ok('clients.import.cancel', { importId })).toBeNull();
    expect((await t.fail('clients.import.commit', { importId, mode: 'allOrNothing' })).key).toBe('import.notFound');
    expect(snapshot(t)).toBe(before);
  });

  it('stops checking a large file when cancelled half-way, and leaves nothing behind', async () => {
    await admin();
    const rows = Array.from({ length: 12_000 }, (_, i) => `Company ${i},Person ${i},p${i}@example.com`);
    const bytes = Buffer.from(csv('company_name,contact_name,contact_email', ...rows));
    const { importId } = await t.ok('clients.import.begin', { fileName: 'big.csv', size: bytes.length });
    await t.ok('clients.import.chunk', { importId, data: bytes.toString('base64') });
    const before = snapshot(t);
    const preview = t.call('clients.import.preview', { importId });
    // The check yields every 5,000 rows, reporting progress; the cancel lands in between.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (t.shell.events.some(([e, p]) => e === 'clients.import.progress' && (p as { phase: string }).phase === 'validating')) {
          clearInterval(poll);
          resolve();
        }
      }, 0);
    });
    await t.ok('clients.import.cancel', { importId });
    const result = await preview;
    expect(result.ok ? null : result.error).toMatchObject({ code: 'CONFLICT', key: 'import.cancelled' });
    expect((await t.fail('clients.import.commit', { importId, mode: 'skipInvalid' })).key).toBe('import.notFound');
    expect(snapshot(t)).toBe(before);
  });

  it('finds a large import in search at once, and later writes merge the search index again', async () => {
    await admin();
    const rows = Array.from({ length: 1500 }, (_, i) => `Company ${i} Ltd,Person ${i},p${i}@example.com`);
    const { importId } = await previewImport(t, csv('company_name,contact_name,contact_email', ...rows));
    expect(await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' })).toEqual({ imported: 1500, skipped: 0 });
    expect((await t.ok('clients.list', { query: 'company 1499' })).rows.map((r) => r.contactEmail)).toEqual(['p1499@example.com']);
    expect((await t.ok('clients.list', { query: 'p7' })).total).toBe(111);
    // The import wrote its part of the index without merging; FTS5's own setting is back for every write after it.
    const { sqlite } = t.core.host.database();
    expect(sqlite.prepare("SELECT v FROM clients_search_config WHERE k = 'automerge'").pluck().get()).toBe(4);
  });

  it('commits nothing when an e-mail was taken after the preview (all or nothing)', async () => {
    await admin();
    const { importId } = await previewImport(t, csv('company_name,contact_name,contact_email', 'Acme,Ann,late@example.com', 'Bolt,Ben,ben@example.com'));
    await createClient(t, { contactEmail: 'late@example.com' });
    const before = snapshot(t);
    expect(await t.fail('clients.import.commit', { importId, mode: 'allOrNothing' })).toMatchObject({ key: 'import.changedSincePreview', params: { rows: 1 } });
    expect(snapshot(t)).toBe(before);
    expect(await t.ok('clients.import.commit', { importId, mode: 'skipInvalid' })).toEqual({ imported: 1, skipped: 1 });
  });

  it('applies the duplicate rules as pieces arrive, and to every row again after a write in between', async () => {
    await admin();
    const first = csv('company_name,contact_name,contact_email', 'Acme,Ann,ann@example.com', 'Bolt,Ben,ben@example.com');
    const second = csv('Cord,Cy,ann@example.com', 'Dent,Di,di@example.com');
    const { importId } = await t.ok('clients.import.begin', { fileName: 'pieces.csv', size: Buffer.byteLength(first + second) });
    await t.ok('clients.import.chunk', { importId, data: Buffer.from(first).toString('base64') });
    // The first piece's rows are checked (duplicates too) before the write below.
    await vi.waitFor(() => expect(t.shell.events.some(([e, p]) => e === 'clients.import.progress' && (p as { phase: string }).phase === 'validating')).toBe(true));
    await createClient(t, { contactEmail: 'ben@example.com' });
    await t.ok('clients.import.chunk', { importId, data: Buffer.from(second).toString('base64') });
    const { errors, validRows } = await t.ok('clients.import.preview', { importId });
    expect(errors.map((e) => [e.row, e.key])).toEqual([
      [3, 'clients.duplicateEmail'],
      [4, 'import.duplicateInFile'],
    ]);
    expect(validRows).toBe(2);
  });

  it('notices an e-mail taken after the preview by another connection to the workspace file', async () => {
    await admin();
    const { importId } = await previewImport(t, csv('company_name,contact_name,contact_email', 'Acme,Ann,other@example.com', 'Bolt,Ben,ben@example.com'));
    const other = new Database(t.core.host.database().file);
    other
      .prepare(
        `INSERT INTO clients (company_name, name_key, contact_name, contact_email, contact_phone, street, postal_code, city, country, language, time_zone,
           status, created_at, updated_at, notes, tags, seat_limit, sso_token) VALUES ('Elsewhere', 'elsewhere', '', 'other@example.com', '', '', '', '', '', 'en', 'UTC', 'active', 1, 1, '', '[]', 1, 'x')`,
      )
      .run();
    other.close();
    expect(await t.fail('clients.import.commit', { importId, mode: 'allOrNothing' })).toMatchObject({ key: 'import.changedSincePreview', params: { rows: 1 } });
  });
});

describe('CSV export', () => {
  it('writes the current filter to a file that imports again unchanged, formulas defused', async () => {
    await admin();
    await createClient(t, {
      companyName: '=HYPERLINK("http://evil")',
      contactName: '@Ann, "the boss"',
      contactEmail: 'ann@example.com',
      contactPhone: '+49 30 1234567',
      notes: 'first line\nsecond; line',
      tags: ['vip', 'key account'],
      features: ['calendar', 'reports'],
      smsCredits: 12,
    });
    await createClient(t, { companyName: 'Not exported', contactEmail: 'no@example.com' });
    const result = await t.ok('clients.export', { tag: 'vip' });
    expect(result.rows).toBe(1);
    expect(result.file).toMatch(/clients-2026-11-23\.csv$/);
    const text = readFileSync(result.file!, 'utf8');
    expect(text.startsWith('\uFEFFid,status,created_at,company_name')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'@Ann, ""the boss"""`);
    expect(text).toContain("'+49 30 1234567");
    expect((await t.ok('audit.list', {})).rows[0]).toMatchObject({ action: 'clients.exported', after: { rows: 1, file: result.file } });

    const original = (await t.ok('clients.list', { tag: 'vip' })).rows[0]!;
    const exported = await t.ok('clients.get', { id: original.id });
    await t.ok('clients.archive', { id: original.id });
    const { importId, preview } = await previewImport(t, readFileSync(result.file!));
    expect(preview.warnings.map((w) => w.key)).toEqual(['import.columnIgnored', 'import.columnIgnored', 'import.columnIgnored']);
    expect(preview.errorCount).toBe(0);
    await t.ok('clients.import.commit', { importId, mode: 'allOrNothing' });
    const again = (await t.ok('clients.list', { tag: 'vip', status: 'active' })).rows[0]!;
    const { id: _id, createdAt: _c, updatedAt: _u, ssoTokenMasked: _s, status: _st, usersUsed: _uu, ...same } = exported;
    expect(await t.ok('clients.get', { id: again.id })).toMatchObject(same);
  });

  it('writes each client’s own credit balances and features, as its ledger and services hold them', async () => {
    await admin();
    // Different balances and features per client, and ledger entries interleaved between clients, so no id lines up by chance.
    const clients = [];
    for (const [sms, call, features] of [[100, 120, ['reports']], [800, 0, []], [0, 35, ['calendar', 'reports']], [7, 7, ['calendar']]] as const) {
      clients.push((await createClient(t, { smsCredits: sms, callCredits: call, features: [...features] })).client);
    }
    await t.ok('clients.credits.add', { id: clients[2]!.id, kind: 'sms', reason: 'top_up', amount: 40 });
    await t.ok('clients.credits.add', { id: clients[0]!.id, kind: 'call', reason: 'usage', amount: -20 });
    const ledger = t.core.host.database().sqlite.prepare("SELECT coalesce(sum(amount), 0) FROM credit_ledger WHERE client_id = ? AND kind = ?").pluck();
    const written = (file: string) =>
      Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data.map((row) => ({
        id: Number(row.id),
        sms: Number(row.sms_credits),
        call: Number(row.call_credits),
        features: row.features,
      }));
    const expected = clients.map(({ id, features }) => ({ id, sms: ledger.get(id, 'sms'), call: ledger.get(id, 'call'), features: features.join('; ') }));
    expect(expected.map(({ sms, call }) => [sms, call])).toEqual([[100, 100], [800, 0], [40, 35], [7, 7]]);
    expect(written((await t.ok('clients.export', { sort: 'created' })).file!)).toEqual(expected);
    expect(written((await t.ok('clients.bulk.export', { ids: clients.map((c) => c.id).reverse() })).file!)).toEqual(expected.reverse());
  });

  it('exports a selection, and nothing when the operator cancels the save dialog', async () => {
    await admin();
    const { client: a } = await createClient(t);
    const { client: b } = await createClient(t);
    await createClient(t);
    const result = await t.ok('clients.bulk.export', { ids: [b.id, a.id] });
    expect(result.rows).toBe(2);
    const lines = readFileSync(result.file!, 'utf8').trim().split('\r\n');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([b.id, a.id]);
    t.shell.saveTo = null;
    const before = snapshot(t);
    expect(await t.ok('clients.bulk.export', { ids: [a.id] })).toEqual({ file: null, rows: 0 });
    expect(snapshot(t)).toBe(before);
  });
});
