/**
 * Turns what the operator types into an FTS5 query: every word must match the
 * start of a word in the company name, contact name, e-mail or tags. Each word is
 * quoted, so FTS5 syntax in the input (AND, NEAR, "*", column filters) is
 * plain text. "anna@mül" becomes `"anna"* "mül"*`; the index folds accents.
 */
const MAX_WORDS = 8;

export function toSearchQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/** Text with nothing to fold but case. */
const ASCII = /^[\x00-\x7f]*$/;

/** Sort key of a company name: lower case, accents and ß folded, so "Äpfel" sorts with "Apfel". */
export function nameKey(name: string): string {
  // Most names are plain ASCII: the same key without Unicode normalisation (an import of 100,000 computes it twice a row).
  if (ASCII.test(name)) return name.toLowerCase().trim();
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase().trim();
}

/**
 * A client number in the search: "#123" finds client 123 and nothing else;
 * "123" finds client 123 besides the clients with words starting with 123.
 */
export function idInQuery(text: string): { id: number; only: boolean } | null {
  const found = /^\s*(#?)(\d{1,15})\s*$/.exec(text);
  return found ? { id: Number(found[2]), only: found[1] === '#' } : null;
}

/** The words of a tag as one phrase in the tags column: narrows the search to clients that may hold it. */
export function tagPhrase(tag: string): string | null {
  const words = tag.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length ? `tags : "${words.join(' ')}"` : null;
}
