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

/**
 * Serves a file of the built UI for a request path; nothing outside `root`,
 * unknown paths get the app shell. Never throws: a path that names no file
 * (malformed percent-encoding, an encoded slash or backslash, NUL) is a 400,
 * answered alike by both shells.
 */
export async function serveWorkspaceFile(root: string, pathname: string): Promise<StaticResponse> {
  const headers = { 'content-security-policy': WORKSPACE_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  const text = (status: number, body: string) => ({ status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(body) });
  const requested = requestedPath(pathname);
  if (requested === null) return text(400, 'bad request');
  const target = join(root, normalize(requested).replace(/^([/\\])+/, '') || 'index.html');
  if (target !== root && !target.startsWith(root + sep)) return text(403, 'forbidden');
  const file = extname(target) ? target : join(root, 'index.html');
  try {
    const body = await readFile(file);
    return { status: 200, headers: { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' }, body };
  } catch {
    return text(404, 'not found');
  }
}

/** The decoded path, or null for one no file of ours can have: undecodable, with NUL, or a separator hidden in an escape. */
function requestedPath(pathname: string): string | null {
  // An escaped slash or backslash would become a separator only once decoded, past the URL parser's own clean-up: refused.
  if (/%(2f|5c)/i.test(pathname) || pathname.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // "/%E0%A4%A": not UTF-8 once decoded. decodeURIComponent throws a URIError, which crashed the Chromium shell.
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}
