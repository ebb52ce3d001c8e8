import { describe, expect, it } from 'vitest';
import { idInQuery, nameKey, tagPhrase, toSearchQuery } from '../../electron/clients/search';

describe('search text to FTS5 query', () => {
  it('makes every word a quoted prefix', () => {
    expect(toSearchQuery('anna@mül')).toBe('"anna"* "mül"*');
    expect(toSearchQuery('  Northwind   traders ')).toBe('"Northwind"* "traders"*');
  });
  it('leaves nothing of FTS5 syntax to interpret', () => {
    expect(toSearchQuery('a OR NEAR(c) "d" col:e -f')).toBe('"a"* "OR"* "NEAR"* "c"* "d"* "col"* "e"* "f"*');
    expect(toSearchQuery('^g*')).toBe('"g"*');
  });
  it('has nothing to search for in punctuation or blanks', () => {
    for (const text of ['', '   ', '"*()', '@.-']) expect(toSearchQuery(text)).toBeNull();
  });
  it('keeps at most eight words', () => {
    expect(toSearchQuery('1 2 3 4 5 6 7 8 9 10')!.split(' ')).toHaveLength(8);
  });
});

describe('sort key', () => {
  it('folds case, accents and ß', () => {
    expect(nameKey('Äpfel Straße GmbH')).toBe('apfel strasse gmbh');
    expect(nameKey('Zoë')).toBe(nameKey('ZOE'));
    expect(nameKey('  ACME Trading  Ltd ')).toBe('acme trading  ltd');
  });
});

describe('client id typed into the search', () => {
  it('takes "123" and "#123", nothing else', () => {
    expect(idInQuery('123')).toEqual({ id: 123, only: false });
    expect(idInQuery(' #42 ')).toEqual({ id: 42, only: true });
    for (const text of ['', '#', '12a', 'a 12', '1 2', '#-3']) expect(idInQuery(text)).toBeNull();
  });
});

describe('tag filter phrase', () => {
  it('is the tag’s words as one phrase in the tags column, syntax and all', () => {
    expect(tagPhrase('key account')).toBe('tags : "key account"');
    expect(tagPhrase('a"b OR c')).toBe('tags : "a b OR c"');
    expect(tagPhrase('#*')).toBeNull();
  });
});
