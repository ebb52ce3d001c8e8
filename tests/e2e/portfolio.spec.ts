import { expect, test, type Locator } from '@playwright/test';
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { invokeIn, launchApp, removeDataDir, watchConsole, type LaunchedApp } from './app';
import { signInWithDemo } from '../../scripts/drive';

/**
 * The client portfolio through the UI, headless in the Chromium shell on the
 * demo workspace: adding, editing and the life of a client; filters and bulk
 * changes; the brand; CSV import and export. No test may log a console error
 * (a CSP violation is one).
 */

let launched: LaunchedApp;
let consoleProblems: string[] = [];

test.beforeEach(async () => {
  launched = await launchApp({ demo: true });
  await watchConsole(launched.page, (problem) => consoleProblems.push(problem));
  await signInWithDemo(launched.page);
  await expect(count(launched.page)).toHaveText('50 clients');
});

test.afterEach(async () => {
  await launched.stop();
  removeDataDir(launched.dataDir);
  const problems = consoleProblems;
  consoleProblems = [];
  expect(problems, 'console errors and CSP violations').toEqual([]);
});

const count = (page: Page) => page.getByRole('status').filter({ hasText: /clients?$|No clients/ });
const list = (page: Page) => page.getByRole('listbox', { name: 'Clients' });
const detail = (page: Page) => page.getByRole('region', { name: 'Client details' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' });

/** Searches and opens the only match. */
async function openByName(page: Page, name: string): Promise<void> {
  await search(page).fill(name);
  await expect(count(page)).toHaveText('1 client');
  await list(page).getByRole('option').first().click();
  await expect(detail(page).getByRole('heading', { level: 2 })).toHaveText(name);
}

/** The value shown next to a label in the client view. */
const fact = (scope: Locator, label: string) => scope.locator('.fact').filter({ has: scope.page().getByText(label, { exact: true }) }).locator('dd');

test('add a client with an invitation; edit, suspend, archive and restore it', async () => {
  const { page } = launched;
  await page.getByRole('button', { name: 'Add client' }).click();
  const form = page.getByRole('form', { name: 'New client' });
  await form.getByLabel('Company name').fill('Zeppelin Flowers GmbH');
  await form.getByLabel('Contact person').fill('Zoe Zeppelin');
  await form.getByLabel('Contact e-mail').fill('zoe@zeppelin-flowers.test');
  await form.getByLabel('Tags').fill('Florist, new');
  await form.getByLabel('Calendar').check();
  await form.getByLabel('Invoices').check();
  await form.getByLabel('User seats').fill('3');
  await form.getByLabel('Initial SMS credits').fill('250');
  await form.getByLabel('Initial call credits').fill('40');
  await expect(form.getByLabel('Let the client configure the password')).toBeChecked();
  await form.getByRole('button', { name: 'Create client' }).click();

  // The new client opens: the invited contact holds a seat, the credits and features are there.
  const view = detail(page);
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('Zeppelin Flowers GmbH');
  await expect(view.getByText('1 of 3 seats used')).toBeVisible();
  await expect(view.getByText('SMS 250 · Calls 40')).toBeVisible();
  await expect(view.getByRole('list', { name: 'Enabled features' }).getByRole('listitem')).toHaveText(['Calendar', 'Invoices']);
  await expect(view.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['florist', 'new']);
  await view.getByRole('tab', { name: 'Mail' }).click();
  await expect(view.getByText('Mail is stored here and visible')).toBeVisible();
  await expect(view.getByRole('listitem').filter({ hasText: 'To zoe@zeppelin-flowers.test' })).toContainText('Your invitation to Client portal');
  await view.getByRole('tab', { name: 'Users' }).click();
  await expect(view.getByRole('row', { name: /Zoe Zeppelin zoe@zeppelin-flowers\.test Administrator Invited/ })).toBeVisible();
  await view.getByRole('tab', { name: 'Overview' }).click();

  // Edit with the same rules: a phone that is not international is refused at the field.
  await view.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('form', { name: 'Edit Zeppelin Flowers GmbH' });
  await edit.getByLabel('Phone').fill('030 1234');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByLabel('Phone')).toHaveAccessibleDescription(/Enter the number in international form/);
  await edit.getByLabel('Phone').fill('+49 30 7654321');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(fact(view, 'Phone')).toHaveText('+49 30 7654321');
  await expect(view.getByRole('listitem').filter({ hasText: 'Details changed' })).toHaveCount(1);
  // The history says what changed, from what to what.
  await expect(view.getByRole('listitem').filter({ hasText: 'Details changed' })).toContainText('Phone:');
  await expect(view.getByRole('listitem').filter({ hasText: 'Details changed' })).toContainText('→ +49 30 7654321');

  // Suspend with a reason, then re-enable.
  await view.getByRole('button', { name: 'Suspend…' }).click();
  const suspend = page.getByRole('alertdialog', { name: 'Suspend Zeppelin Flowers GmbH?' });
  await suspend.getByRole('button', { name: 'Suspend client' }).click();
  await expect(suspend.getByLabel('Reason')).toHaveAccessibleDescription('Please fill in this field.');
  await suspend.getByLabel('Reason').fill('Invoice 2026-114 unpaid');
  await suspend.getByRole('button', { name: 'Suspend client' }).click();
  await expect(suspend).toHaveCount(0);
  await expect(view.getByText('Suspended: Invoice 2026-114 unpaid')).toBeVisible();
  await expect(view.getByRole('listitem').filter({ hasText: 'Client suspended' })).toContainText('Status: Active → Suspended');
  await expect(view.getByRole('listitem').filter({ hasText: 'Client suspended' })).toContainText('Reason for the suspension: — → Invoice 2026-114 unpaid');
  await search(page).fill('Zeppelin');
  await expect(list(page).getByRole('option', { name: /^Zeppelin Flowers GmbH/ })).toContainText('Suspended');
  await view.getByRole('button', { name: 'Re-enable' }).click();
  await expect(view.locator('.detail-title .badge')).toHaveText('Active');

  // Archive after a confirmation: gone from the active clients until restored.
  await view.getByRole('button', { name: 'Archive…' }).click();
  const archive = page.getByRole('alertdialog', { name: 'Archive Zeppelin Flowers GmbH?' });
  await expect(archive).toContainText('Nothing is deleted.');
  await archive.getByRole('button', { name: 'Archive client' }).click();
  await expect(view.locator('.detail-title .badge')).toHaveText('Archived');
  await expect(count(page)).toHaveText('1 client');
  await page.getByLabel('Status', { exact: true }).selectOption('active');
  await expect(count(page)).toHaveText('No clients match “Zeppelin”');
  await page.getByLabel('Status', { exact: true }).selectOption('all');
  await expect(count(page)).toHaveText('1 client');
  await view.getByRole('button', { name: 'Restore' }).click();
  await expect(view.locator('.detail-title .badge')).toHaveText('Active');
  await page.getByLabel('Status', { exact: true }).selectOption('active');
  await expect(count(page)).toHaveText('1 client');
});

test('a credit entry keeps its sign: a negative top-up or usage is refused at the field, never turned around', async () => {
  const { page } = launched;
  const options = list(page).getByRole('option');
  const [name] = await options.locator('.row-name').allTextContents();
  await openByName(page, name!);
  const view = detail(page);
  const id = (await invokeIn(page, 'clients.list', { query: name! })).rows[0]!.id;
  const entries = async () => (await invokeIn(page, 'clients.credits.history', { id })).total;
  const before = await entries();
  await view.getByRole('tab', { name: 'Credits' }).click();
  const record = view.getByRole('button', { name: 'Record' });
  await view.getByLabel('Credits to add').fill('-5');
  await record.click();
  await expect(view.getByLabel('Credits to add')).toHaveAccessibleDescription('A top-up adds credits: enter a positive amount.');
  await view.getByLabel('Entry').selectOption('usage');
  await view.getByLabel('Credits used').fill('-5');
  await record.click();
  await expect(view.getByLabel('Credits used')).toHaveAccessibleDescription('Enter the credits used without a minus sign: usage always takes them from the balance.');
  await view.getByLabel('Credits used').fill('1e3');
  await record.click();
  await expect(view.getByLabel('Credits used')).toHaveAccessibleDescription('Enter a whole number.');
  expect(await entries()).toBe(before);
  await view.getByLabel('Entry').selectOption('top_up');
  await view.getByLabel('Credits to add').fill('5');
  await record.click();
  await expect(view.locator('.data-table tbody tr').first()).toContainText('Top-up+5');
  expect(await entries()).toBe(before + 1);
});

test('after a failed save, focus is on the first field with a problem', async () => {
  const { page } = launched;
  await page.keyboard.press('Control+N');
  const form = page.getByRole('form', { name: 'New client' });
  const [contact, email, create] = [form.getByLabel('Contact person'), form.getByLabel('Contact e-mail'), form.getByRole('button', { name: 'Create client' })];
  // Required fields say so: to the eye after the label, to assistive technology on the control.
  await expect(form.getByLabel('Company name')).toHaveAttribute('aria-required', 'true');
  await expect(form.locator('.field-label', { hasText: 'Company name' }).locator('.field-required')).toBeVisible();
  await expect(form.getByLabel('Phone', { exact: true })).not.toHaveAttribute('aria-required');
  await form.getByLabel('Company name').fill('Focus Test GmbH');
  await email.fill('not-an-e-mail');
  await form.getByLabel('Phone', { exact: true }).fill('030 12345');
  await form.getByLabel('User seats').fill('-3');
  // Four problems, shown at once: focus goes to the first of them.
  await create.click();
  await expect(email).toHaveAccessibleDescription('Please enter a valid e-mail address.');
  await expect(form.getByLabel('Phone', { exact: true })).toHaveAccessibleDescription(/Enter the number in international form/);
  await expect(form.getByLabel('User seats')).toHaveAccessibleDescription('The value must be at least 1.');
  await expect(contact).toBeFocused();
  await form.getByLabel('Phone', { exact: true }).fill('');
  await form.getByLabel('User seats').fill('5');
  // The e-mail left alone at fault: it takes focus.
  await contact.fill('Fay Focus');
  await create.click();
  await expect(contact).not.toHaveAttribute('aria-invalid');
  await expect(email).toBeFocused();
});

test('a changed form asks before it is left: Cancel keeps the input, Discard goes on; an unchanged one does not ask', async () => {
  const { page } = launched;
  const options = list(page).getByRole('option');
  const [first, second] = await options.locator('.row-name').allTextContents();
  await options.first().click();
  const view = detail(page);
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(first!);
  await view.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('form', { name: `Edit ${first}` });
  await edit.getByLabel('Phone').fill('+49 30 5550100');

  // Another client: the question; Cancel stays in the form, the typed phone kept and focused.
  await options.nth(1).click();
  const question = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(edit.getByLabel('Phone')).toHaveValue('+49 30 5550100');
  await expect(edit.getByLabel('Phone')).toBeFocused();

  // Ctrl+N asks too; Escape is Cancel.
  await page.keyboard.press('Control+N');
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeVisible();

  // Discard: the other client opens, the change is gone.
  await options.nth(1).click();
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(second!);
  await expect(edit).toHaveCount(0);

  // Opened but unchanged: no question.
  await view.getByRole('button', { name: 'Edit details' }).click();
  await expect(page.getByRole('form', { name: `Edit ${second}` })).toBeVisible();
  await options.first().click();
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(first!);
  await expect(question).toHaveCount(0);

  // Escape leaves a form as Cancel does: at once when unchanged, after the question when changed.
  await view.getByRole('button', { name: 'Edit details' }).click();
  const again = page.getByRole('form', { name: `Edit ${first}` });
  await again.getByLabel('Phone').press('Escape');
  await expect(again).toHaveCount(0);
  await view.getByRole('button', { name: 'Edit details' }).click();
  await again.getByLabel('Phone').fill('+49 30 5550199');
  await again.getByLabel('Phone').press('Escape');
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(again).toHaveCount(0);
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(first!);
});

test('filter by tag and feature; check three clients, tag them, undo; grant credits in bulk', async () => {
  const { page } = launched;
  const total = async (filter: { tag?: string; feature?: string; status?: 'archived' }) => (await invokeIn(page, 'clients.list', { ...filter, limit: 1 })).total;

  await page.getByLabel('Tag', { exact: true }).selectOption('vip');
  const vip = await total({ tag: 'vip' });
  expect(vip).toBeGreaterThan(0);
  await expect(count(page)).toHaveText(vip === 1 ? '1 client' : `${vip} clients`);
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await page.getByLabel('Feature', { exact: true }).selectOption({ label: 'Reports' });
  const reports = await total({ feature: 'reports' });
  await expect(count(page)).toHaveText(`${reports} clients`);
  await page.getByLabel('Feature', { exact: true }).selectOption('');
  await expect(count(page)).toHaveText('50 clients');

  // Filters that leave nobody: the list says so and offers to clear them.
  const tagsInUse = (await invokeIn(page, 'clients.tags')).map((entry) => entry.tag);
  const counts = await Promise.all(tagsInUse.map((tag) => total({ tag, status: 'archived' })));
  const lonely = tagsInUse[counts.indexOf(0)]!;
  await page.getByLabel('Status', { exact: true }).selectOption('archived');
  await page.getByLabel('Tag', { exact: true }).selectOption(lonely);
  await expect(page.locator('.list-empty')).toContainText('No client matches all of the filters.');
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(count(page)).toHaveText('50 clients');
  await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('');

  // Check the first three with the keyboard: Space, then Shift+ArrowDown twice.
  const options = list(page).getByRole('option');
  await options.first().click();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  const bulk = page.getByRole('region', { name: 'Bulk changes' });
  await expect(bulk.getByRole('status')).toHaveText('3 clients checked');
  await expect(list(page).getByRole('option', { checked: true })).toHaveCount(3);
  const names = (await list(page).getByRole('option', { checked: true }).locator('.row-name').allTextContents()).sort();
  const ids = (await invokeIn(page, 'clients.list', { limit: 3 })).rows.map((c) => c.id);
  const smsBefore = await Promise.all(ids.map(async (id) => (await invokeIn(page, 'clients.get', { id })).credits.sms));

  await bulk.getByRole('button', { name: 'Tags…' }).click();
  const tags = page.getByRole('dialog', { name: 'Tags of 3 clients' });
  // The dialog names the clients it is for: checks made under another search are not on screen.
  for (const name of names) await expect(tags.locator('.bulk-which')).toContainText(name);
  await tags.getByLabel('Add tags').fill('Spring Campaign');
  await tags.getByRole('button', { name: 'Change tags' }).click();
  const notice = page.locator('.list-notice');
  await expect(notice).toContainText('Tags added: spring campaign. 3 clients changed.');
  // All three hold it now: the tag filter shows exactly them.
  await page.getByLabel('Tag', { exact: true }).selectOption('spring campaign');
  await expect(count(page)).toHaveText('3 clients');
  await expect(list(page).locator('.row-name')).toHaveText(names);
  await page.getByLabel('Tag', { exact: true }).selectOption('');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText('Tag change undone for 3 clients.');
  await expect(options.filter({ hasText: 'spring campaign' })).toHaveCount(0);
  expect(await total({ tag: 'spring campaign' })).toBe(0);

  await bulk.getByRole('button', { name: 'Credits…' }).click();
  const credits = page.getByRole('dialog', { name: 'Grant credits to 3 clients' });
  await credits.getByLabel('Credits for each client').fill('0');
  await credits.getByRole('button', { name: 'Grant credits' }).click();
  await expect(credits.getByLabel('Credits for each client')).toHaveAccessibleDescription('Enter a whole number of at least 1.');
  await credits.getByLabel('Credits for each client').fill('100');
  await credits.getByLabel('Note').fill('Spring promotion');
  await credits.getByRole('button', { name: 'Grant credits' }).click();
  await expect(notice).toContainText('100 SMS credits granted. 3 clients changed.');
  const smsAfter = await Promise.all(ids.map(async (id) => (await invokeIn(page, 'clients.get', { id })).credits.sms));
  expect(smsAfter).toEqual(smsBefore.map((sms) => sms + 100));

  await bulk.getByRole('button', { name: 'Clear checks' }).click();
  await expect(bulk).toHaveCount(0);
});

test('brand: name and colour, a logo, and a disguised file refused in words', async () => {
  const { page } = launched;
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('tab', { name: 'Brand', selected: true })).toBeVisible();
  const preview = page.getByRole('figure', { name: 'Preview of the client view' });
  // Not named yet: the default name, in the operator's language, as placeholder and in the preview.
  await expect(page.getByLabel('Display name')).toHaveValue('');
  await expect(page.getByLabel('Display name')).toHaveAttribute('placeholder', 'Client portal');
  await expect(preview.getByText('Client portal')).toBeVisible();
  await page.getByLabel('Display name').fill('Acme Portal');
  await expect(preview.getByText('Acme Portal')).toBeVisible();
  await page.getByLabel('Primary colour', { exact: true }).fill('#2A7F62');
  await expect(preview.locator('.preview-header')).toHaveCSS('background-color', 'rgb(42, 127, 98)');
  await page.getByRole('button', { name: 'Save brand' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  expect(await invokeIn(page, 'branding.get')).toMatchObject({ displayName: 'Acme Portal', primaryColour: '#2a7f62' });

  await chooseFile(page, 'Upload a logo', { name: 'logo.png', mimeType: 'image/png', buffer: png(48, 24) });
  await expect(page.getByRole('img', { name: 'Current logo' })).toBeVisible();
  await expect(page.getByText('PNG, 48 × 24 pixels')).toBeVisible();
  await expect(preview.getByRole('img', { name: 'Logo of Acme Portal' })).toBeVisible();

  const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
  await chooseFile(page, 'Replace the logo', { name: 'innocent.png', mimeType: 'image/png', buffer: html });
  await expect(page.getByRole('button', { name: 'Replace the logo' })).toHaveAccessibleDescription(
    /This file is not a PNG, JPEG or SVG image \(its content decides, not its name\)\./,
  );
  // The refused file changed nothing.
  expect((await invokeIn(page, 'branding.get')).logo?.type).toBe('image/png');
});

test('import a CSV with a quoted field and an invalid row, then export the filter', async () => {
  const { page } = launched;
  const csv = [
    'company_name,contact_name,contact_email,city,country,tags,notes',
    '"Quoted & Co, Ltd",Quinn Quote,quinn@quoted.test,Leeds,GB,csv-test,"Line one, with a comma',
    'Line two"',
    'Valid Two GmbH,Val Two,val@valid-two.test,Bonn,DE,csv-test,',
    'Broken Row AG,Bob Broken,not-an-e-mail,Berlin,DE,csv-test,',
  ].join('\r\n');
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(page.getByRole('heading', { name: 'Import clients' })).toBeVisible();
  await chooseFile(page, 'CSV file', { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('list', { name: 'Rows in the file' })).toHaveText(/3 rows\s*2 valid\s*1 with problems/);
  // Cancelled: back to the start, told that nothing came in; then the same file again.
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toHaveText('The import of clients.csv was cancelled; no client was imported.');
  await chooseFile(page, 'CSV file', { name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(page.getByRole('list', { name: 'Rows in the file' })).toHaveText(/3 rows\s*2 valid\s*1 with problems/);
  const problems = page.getByRole('region', { name: /^Problems/ });
  // Rows are counted as a spreadsheet counts them: the quoted line break does not start a row.
  await expect(problems.getByRole('row', { name: '4 contact_email Please enter a valid e-mail address.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 2 clients' })).toBeDisabled();
  await page.getByLabel(/^Skip invalid rows/).check();
  await page.getByRole('button', { name: 'Import 2 clients' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toHaveText(/2 clients imported from clients\.csv\.\s*1 row was skipped\./);

  // Whatever the list showed before, it now shows every client, the imported ones on top.
  await page.getByRole('button', { name: 'Show the clients, newest first' }).click();
  await expect(list(page).locator('.row-name').first()).toHaveText('Valid Two GmbH');
  await expect(list(page).locator('.row-name').nth(1)).toHaveText('Quoted & Co, Ltd');
  await openByName(page, 'Quoted & Co, Ltd');
  await expect(detail(page).locator('.notes')).toHaveText(/^Line one, with a comma\s+Line two$/);

  await search(page).fill('');
  await page.getByLabel('Tag', { exact: true }).selectOption('csv-test');
  await expect(count(page)).toHaveText('2 clients');
  await page.getByRole('button', { name: 'Export list…' }).click();
  const exported = page.locator('.list-notice');
  await expect(exported).toContainText(/2 clients exported to .+\.csv/);
  const file = /exported to (.+\.csv)/.exec((await exported.textContent())!)![1]!;
  expect(existsSync(file)).toBe(true);
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => r.company_name).sort()).toEqual(['Quoted & Co, Ltd', 'Valid Two GmbH']);
  expect(rows.find((r) => r.company_name === 'Quoted & Co, Ltd')?.notes).toMatch(/^Line one, with a comma\r?\nLine two$/);
});

/** Chooses a file through the field's own button and the file dialog it opens. */
async function chooseFile(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

/** A small PNG of one colour: signature, IHDR, IDAT and IEND with their CRCs. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => (bytes.reduce((c, byte) => crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x2a, 0x7f, 0x62]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
