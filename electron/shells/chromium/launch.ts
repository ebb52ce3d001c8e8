import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The system Chromium (or Chrome): `CHROMIUM_PATH` if set, else the usual places. */
export function findChromium(env = process.env): string {
  const found = env.CHROMIUM_PATH ?? candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

/** Flags for an offline machine; --no-sandbox only where Chromium refuses to run otherwise (as root). */
export function chromiumArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return args;
}

export function launchChromium(headless: boolean, executablePath = findChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, headless, args: chromiumArgs() });
}
