import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir, snapshot, testCore, withAdministrator, workspaceAtVersion, type TestCore } from '../support/core';
import { createClient } from '../support/portfolio';

let t: TestCore;
afterEach(async () => t?.dispose());

async function admin() {
  t = testCore();
  await withAdministrator(t);
}

/** A PNG as far as its header goes (signature and IHDR), which is what type and size checks read. */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const body = Buffer.concat([Buffer.from('IHDR'), ihdr]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, body, crc]);
}
/** A JPEG with just its JFIF and start-of-frame segments. */
function jpeg(width: number, height: number): Buffer {
  const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, sof, Buffer.from([0xff, 0xd9])]);
}
const upload = (bytes: Buffer | string) => ({ data: Buffer.from(bytes).toString('base64') });

describe('white-label brand', () => {
  it('keeps display name and primary colour, and refuses a colour not written #RRGGBB', async () => {
    await admin();
    // Not named yet: each client reads the default name in their language.
    expect(await t.ok('branding.get')).toEqual({ displayName: null, primaryColour: '#1f4e79', logo: null });
    expect(await t.ok('branding.update', { displayName: 'Acme Cloud', primaryColour: '#A1B2C3' })).toMatchObject({ displayName: 'Acme Cloud', primaryColour: '#a1b2c3' });
    const before = snapshot(t);
    for (const colour of ['red', '#abc', '#12345G', '123456']) {
      expect((await t.fail('branding.update', { primaryColour: colour })).fields?.[0], colour).toMatchObject({ path: 'primaryColour', key: 'validation.colour' });
    }
    expect(snapshot(t)).toBe(before);
    expect((await t.ok('audit.list', {})).rows[0]).toMatchObject({ action: 'branding.updated', before: { primaryColour: '#1f4e79' }, after: { primaryColour: '#a1b2c3' } });
  });

  it("gives clients the default name in their language until the reseller names the brand, even a name that matches the default", async () => {
    await admin();
    const invitationSubject = async (language: 'en' | 'de') => {
      const { client } = await createClient(t, { language, inviteFirstUser: true });
      return (await t.ok('mail.outbox', { clientId: client.id })).rows[0]!.subject;
    };
    expect(await invitationSubject('de')).toBe('Ihre Einladung zu Kundenportal');
    expect(await invitationSubject('en')).toBe('Your invitation to Client portal');
    // A reseller whose brand is called exactly that keeps the name in every language.
    expect((await t.ok('branding.update', { displayName: 'Client portal' })).displayName).toBe('Client portal');
    expect(await invitationSubject('de')).toBe('Ihre Einladung zu Client portal');
    // Emptying the name gives the default back, and the history says so.
    expect((await t.ok('branding.update', { displayName: null })).displayName).toBeNull();
    expect(await invitationSubject('de')).toBe('Ihre Einladung zu Kundenportal');
    const changes = (await t.ok('audit.list', {})).rows.filter((r) => r.action === 'branding.updated');
    expect(changes[0]).toMatchObject({ before: { displayName: 'Client portal' }, after: { displayName: null } });
  });

  it('keeps a name, colour and logo the reseller set before unnamed brands were stored as such', async () => {
    const dataDir = makeDataDir();
    const old = workspaceAtVersion(dataDir, 7);
    const logo = png(120, 40);
    old.prepare("UPDATE brand SET display_name = 'Acme Cloud', primary_colour = '#a1b2c3', logo = ?, logo_type = 'image/png', logo_width = 120, logo_height = 40").run(logo);
    old.close();
    t = testCore(dataDir);
    await withAdministrator(t);
    expect(await t.ok('branding.get')).toMatchObject({ displayName: 'Acme Cloud', primaryColour: '#a1b2c3', logo: { type: 'image/png', bytes: logo.length, width: 120, height: 40 } });
  });

  it('takes PNG and JPEG logos by their content and gives them back as data URLs', async () => {
    await admin();
    const logo = png(200, 80);
    const saved = await t.ok('branding.logo.set', upload(logo));
    expect(saved.logo).toEqual({ type: 'image/png', dataUrl: `data:image/png;base64,${logo.toString('base64')}`, bytes: logo.length, width: 200, height: 80 });
    expect(saved.removed).toEqual([]);
    expect((await t.ok('branding.logo.set', upload(jpeg(64, 32)))).logo).toMatchObject({ type: 'image/jpeg', width: 64, height: 32 });
    expect((await t.ok('branding.get')).logo?.type).toBe('image/jpeg');
    expect((await t.ok('branding.logo.remove')).logo).toBeNull();
  });

  it('sanitises an SVG: no scripts, event handlers, external references or foreignObject', async () => {
    await admin();
    const svg = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 40" onload="alert(1)">
  <script>alert(2)</script>
  <style>@import url(https://evil.example/x.css);</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <rect width="120" height="40" fill="url(#g)" onclick="steal()" style="fill: url(https://evil.example/p.png)"/>
  <image href="https://evil.example/track.png" width="1" height="1"/>
  <use xlink:href="https://evil.example/sprite.svg#logo"/>
  <foreignObject><iframe src="https://evil.example"></iframe></foreignObject>
  <path d="M0 0L10 10" stroke="url(https://evil.example/#p)"/>
  <text x="5" y="25">Acme</text>
</svg>`;
    const saved = await t.ok('branding.logo.set', upload(svg));
    expect(saved.logo).toMatchObject({ type: 'image/svg+xml', width: 120, height: 40 });
    expect(saved.removed).toEqual(expect.arrayContaining(['script', 'onload', 'onclick', 'foreignobject', 'use', 'style', 'href', 'stroke']));
    const stored = Buffer.from(saved.logo!.dataUrl.split(',')[1]!, 'base64').toString('utf8');
    expect(stored).not.toMatch(/script|onload|onclick|evil\.example|foreignObject|iframe|@import/i);
    expect(stored).toContain('fill="url(#g)"');
    expect(stored).toContain('<text x="5" y="25">Acme</text>');
    expect(stored).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('refuses oversized, disguised, damaged and badly sized logos and changes nothing', async () => {
    await admin();
    await t.ok('branding.logo.set', upload(png(100, 100)));
    const before = snapshot(t);
    const cases: [Buffer | string, string, object?][] = [
      [Buffer.concat([png(100, 100), Buffer.alloc(1024 * 1024)]), 'branding.logoTooLarge', { maxKb: 1024 }],
      ['<!doctype html><html><body><script>alert(1)</script></body></html>', 'branding.logoType'],
      [Buffer.from('GIF89a\x01\x00\x01\x00'), 'branding.logoType'],
      [png(8, 100), 'branding.logoDimensions', { width: 8, height: 100, min: 16, max: 2048 }],
      [png(4096, 100), 'branding.logoDimensions', { width: 4096 }],
      [Buffer.from([0xff, 0xd8, 0xff, 0x00]), 'branding.logoUnreadable'],
      ['<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>', 'branding.logoSvgSize'],
    ];
    for (const [content, key, params] of cases) {
      const error = await t.fail('branding.logo.set', upload(content));
      expect(error, key).toMatchObject({ code: 'VALIDATION', key, ...(params && { params: expect.objectContaining(params) }) });
    }
    expect((await t.fail('branding.logo.set', upload(Buffer.alloc(1024 * 1024 + 1)))).message).toContain('1 MB');
    expect(snapshot(t)).toBe(before);
  });

  it('goes by content, not name: a PNG uploaded as logo.svg is stored as the PNG it is', async () => {
    await admin();
    // The renderer sends bytes only; whatever the file was called, a PNG is a PNG.
    expect((await t.ok('branding.logo.set', upload(png(32, 32)))).logo?.type).toBe('image/png');
  });
});
