// `npm run smoke`: the app in the Chromium shell on a fresh data folder with the
// demo workspace; signs in through the UI, opens a client, prints timings and
// `SMOKE OK` last. Any failure exits non-zero.
import { rmSync } from 'node:fs';
import { signInWithDemo, startHeadless } from './drive';

const timings: Record<string, number> = {};
const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  timings[name] = Math.round(performance.now() - started);
  return result;
};

const run = await step('start', () => startHeadless({ demo: true }));
try {
  const { page } = run;
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await step('sign_in', () => signInWithDemo(page));
  const first = page.getByRole('listbox', { name: 'Clients' }).getByRole('option').first();
  const name = (await first.innerText()).split('\n')[0]!.trim();
  await step('open_client', async () => {
    await first.click();
    await page.getByRole('region', { name: 'Client details' }).getByRole('heading', { level: 2, name }).waitFor();
  });
  await step('search', async () => {
    await page.getByRole('searchbox', { name: 'Search clients' }).fill(name.split(' ')[0]!);
    await page.getByRole('listbox', { name: 'Clients' }).getByRole('option', { name: new RegExp(`^${name.split(' ')[0]}`) }).first().waitFor();
  });
  if (errors.length) throw new Error(`console errors: ${errors.join(' | ')}`);
  for (const [name, ms] of Object.entries(timings)) console.log(`${name.padEnd(12)} ${String(ms).padStart(5)} ms`);
  console.log(`opened client: ${name}`);
  console.log('SMOKE OK');
} finally {
  await run.app.stop();
  rmSync(run.dataDir, { recursive: true, force: true });
}
