import { WINDOW_SECRET_HEADER, type PortalWindow, type PortalWindowOptions } from '../../electron/shell/port';

export interface PageResponse {
  status: number;
  url: string;
  body: string;
}

/**
 * A portal window without a browser: one cookie jar per partition, redirects
 * followed, requests refused outside the allowed origins, the window's secret
 * sent with each request — enough to run the real handshake against the real
 * portal in integration tests.
 */
export class FakePortalWindow implements PortalWindow {
  readonly cookies = new Map<string, string>();
  closed = false;
  focused = 0;
  last: PageResponse | undefined;
  /** Settles when the first page has loaded. */
  readonly loaded: Promise<PageResponse>;

  constructor(readonly options: PortalWindowOptions) {
    this.loaded = this.get(options.url);
  }

  focus(): void {
    this.focused++;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cookies.clear();
  }

  /** The user closes the window with the window's own close button. */
  async closeByUser(): Promise<void> {
    await this.close();
    this.options.onClosed();
  }

  get(url: string): Promise<PageResponse> {
    return this.request(url, { method: 'GET' });
  }

  post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, ...headers },
    });
  }

  /** The hidden form token of the last page. */
  csrf(): string {
    return /name="_csrf" value="([^"]+)"/.exec(this.last?.body ?? '')?.[1] ?? '';
  }

  private async request(url: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<PageResponse> {
    if (this.closed) throw new Error('the window is closed');
    let target = new URL(url, this.last?.url);
    let options = init;
    for (let hops = 0; hops < 5; hops++) {
      if (!this.options.allowedOrigins.includes(target.origin)) throw new Error(`blocked: ${target.origin}`);
      this.options.onActivity();
      const response = await fetch(target, {
        ...options,
        redirect: 'manual',
        headers: { ...options.headers, [WINDOW_SECRET_HEADER]: this.options.windowSecret, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair, ...attributes] = header.split(';');
        const [name, value] = pair!.split('=') as [string, string];
        if (attributes.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        target = new URL(location, target);
        options = { method: 'GET' };
        continue;
      }
      this.last = { status: response.status, url: target.href, body: await response.text() };
      return this.last;
    }
    throw new Error('too many redirects');
  }
}
