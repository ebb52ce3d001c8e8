import createDOMPurify from 'dompurify';
import { imageSize } from 'image-size';
import { JSDOM } from 'jsdom';
import { LOGO_MAX_BYTES } from '../../shared/branding';
import { AppError } from '../app/errors';

export const LOGO_MIN_SIDE = 16;
export const LOGO_MAX_SIDE = 2048;

export interface CheckedLogo {
  type: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  bytes: Buffer;
  width: number;
  height: number;
  /** What sanitising took out of an SVG. */
  removed: string[];
}

const refuse = (key: string, message: string, params?: Record<string, string | number>) => new AppError('VALIDATION', key, message, { params });

/** The type by the file's first bytes; a file's name or claimed type says nothing. */
function sniff(data: Buffer): CheckedLogo['type'] | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  // SVG is text: an <svg> root after an optional BOM, XML declaration, comments and doctype.
  const head = data.subarray(0, 4096).toString('utf8');
  if (/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/**
 * Checks an uploaded logo by its content: PNG, JPEG or SVG, at most 1 MB,
 * 16 to 2048 pixels a side (an SVG needs a viewBox or width and height), and
 * returns the bytes to store; an SVG comes back sanitised.
 */
export function checkLogo(data: Buffer): CheckedLogo {
  if (data.length > LOGO_MAX_BYTES) {
    throw refuse('branding.logoTooLarge', `The logo is ${kb(data.length)} KB; it may be at most ${kb(LOGO_MAX_BYTES)} KB (1 MB).`, {
      sizeKb: kb(data.length),
      maxKb: kb(LOGO_MAX_BYTES),
    });
  }
  const type = sniff(data);
  if (!type) throw refuse('branding.logoType', 'This file is not a PNG, JPEG or SVG image (its content decides, not its name).');
  if (type === 'image/svg+xml') return sanitisedSvg(data);
  let size: { width: number; height: number };
  try {
    size = imageSize(data);
  } catch {
    throw refuse('branding.logoUnreadable', 'The image is damaged or incomplete and cannot be read.', { type });
  }
  const { width, height } = size;
  if ([width, height].some((side) => side < LOGO_MIN_SIDE || side > LOGO_MAX_SIDE)) {
    throw refuse('branding.logoDimensions', `The logo is ${width} × ${height} pixels; each side must be ${LOGO_MIN_SIDE} to ${LOGO_MAX_SIDE} pixels.`, {
      width,
      height,
      min: LOGO_MIN_SIDE,
      max: LOGO_MAX_SIDE,
    });
  }
  return { type, bytes: data, width, height, removed: [] };
}

const kb = (bytes: number) => Math.ceil(bytes / 1024);

/** Only links inside the file itself (#id) and embedded PNG or JPEG pictures may stay. */
const isInternal = (value: string) => /^\s*(#|data:image\/(png|jpeg);base64,)/i.test(value);
const hasExternalUrl = (value: string) => [...value.matchAll(/url\(\s*['"]?([^'")]*)/gi)].some(([, target]) => !target!.trim().startsWith('#'));

let purifier: ReturnType<typeof createDOMPurify> | undefined;
function svgPurifier() {
  if (purifier) return purifier;
  const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if ((name === 'href' || name === 'xlink:href') && !isInternal(data.attrValue)) data.keepAttr = false;
    if (hasExternalUrl(data.attrValue) || /@import|expression\(/i.test(data.attrValue)) data.keepAttr = false;
  });
  return (purifier = purify);
}

function sanitisedSvg(data: Buffer): CheckedLogo {
  const purify = svgPurifier();
  // DOMPurify (on jsdom): scripts, event handlers, foreignObject, <use> and unknown elements go;
  // <style> and <a> too, as a logo needs neither and both can reach outside the file.
  const clean = purify.sanitize(data.toString('utf8'), {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['style', 'a'],
  });
  const removed = [
    ...new Set(purify.removed.map((r) => ('element' in r ? r.element.nodeName.toLowerCase() : (r.attribute?.name ?? 'attribute')))),
  ]
    // The HTML wrapper DOMPurify parses into is reported too; it was never in the file.
    .filter((name) => name !== 'body')
    .sort();
  const root = new JSDOM(clean).window.document.querySelector('svg');
  if (!root) throw refuse('branding.logoType', 'This file is not a PNG, JPEG or SVG image (its content decides, not its name).');
  const size = svgSize(root);
  if (!size) throw refuse('branding.logoSvgSize', 'An SVG logo needs a viewBox or a width and a height.');
  // Parsed as HTML, the namespace is implied; a stand-alone .svg file needs it written out.
  root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return { type: 'image/svg+xml', bytes: Buffer.from(root.outerHTML, 'utf8'), ...size, removed };
}

function svgSize(root: Element): { width: number; height: number } | null {
  const box = (root.getAttribute('viewBox') ?? root.getAttribute('viewbox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  const width = parseFloat(root.getAttribute('width') ?? '');
  const height = parseFloat(root.getAttribute('height') ?? '');
  return width > 0 && height > 0 ? { width, height } : null;
}
