import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Content-Security-Policy of the workspace UI: our own scripts and styles only,
 * no network, no frames, no plugins. Both shells send it with every page.
 */
export const WORKSPACE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Serves a file of the built UI for a request path; nothing outside `root`, unknown paths get the app shell. */
export async function serveWorkspaceFile(root: string, pathname: string): Promise<StaticResponse> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const headers = { 'content-security-policy': WORKSPACE_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  const target = join(root, relative || 'index.html');
  if (target !== root && !target.startsWith(root + sep)) {
    return { status: 403, headers: { ...headers, 'content-type': 'text/plain' }, body: Buffer.from('forbidden') };
  }
  const file = extname(target) ? target : join(root, 'index.html');
  try {
    const body = await readFile(file);
    return { status: 200, headers: { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }, body };
  } catch {
    return { status: 404, headers: { ...headers, 'content-type': 'text/plain' }, body: Buffer.from('not found') };
  }
}
