import { describe, expect, it } from 'vitest';
import { creditEntry } from '../../renderer/clients/detail/creditEntry';
import { IpcFailure } from '../../renderer/ipc/client';
import { wholeNumbers } from '../../renderer/portfolio/forms';
import type { EntryReason } from '../../shared/credits';

const entry = (reason: EntryReason, amount: string, note = '') => creditEntry({ id: 7, kind: 'sms', reason, amount, note });
/** The field error the form shows for this input. */
function refusal(reason: EntryReason, amount: string, note = '') {
  try {
    entry(reason, amount, note);
  } catch (thrown) {
    if (thrown instanceof IpcFailure) return thrown.error.fields?.map(({ path, key }) => `${path}: ${key}`);
    throw thrown;
  }
  throw new Error(`${reason} ${amount} was accepted`);
}

describe('the credit form', () => {
  it('gives a top-up and usage their sign from the kind of entry, and a correction the sign typed', () => {
    expect(entry('top_up', '5')).toMatchObject({ reason: 'top_up', amount: 5 });
    expect(entry('top_up', ' +1 000 ')).toMatchObject({ amount: 1000 });
    expect(entry('usage', '5')).toMatchObject({ reason: 'usage', amount: -5 });
    expect(entry('correction', '-5', 'Double booking')).toMatchObject({ reason: 'correction', amount: -5, note: 'Double booking' });
    expect(entry('correction', '5', 'Goodwill')).toMatchObject({ amount: 5 });
  });

  it('refuses a sign typed against the kind of entry rather than dropping it', () => {
    expect(refusal('top_up', '-5')).toEqual(['amount: credits.topUpPositive']);
    expect(refusal('usage', '-5')).toEqual(['amount: credits.usedWithoutSign']);
  });

  it('refuses what is no whole number, zero, too much, and a correction without a note', () => {
    for (const typed of ['1e3', '2.5', '5,0', '0x10', 'five', '', '-']) expect(refusal('top_up', typed)).toEqual(['amount: validation.wholeNumber']);
    expect(refusal('top_up', '0')).toEqual(['amount: credits.zero']);
    expect(refusal('usage', '-0')).toEqual(['amount: credits.zero']);
    expect(refusal('top_up', '9999999999999')).toEqual(['amount: validation.tooLarge']);
    expect(refusal('correction', '-5')).toEqual(['note: credits.noteRequired']);
  });
});

describe('whole-number fields', () => {
  it('read what is typed, keep the sign, and name each field that holds no whole number', () => {
    const typed = { seats: ' 12 ', credits: '-5', idle: '1e1', absolute: '', blank: '' };
    const { values, wrong } = wholeNumbers(typed, [['seats', 5], ['credits', 0], ['idle', null], ['absolute', null], ['blank', 0]]);
    expect(values).toEqual({ seats: 12, credits: -5, blank: 0 });
    expect(wrong.map(({ path, key }) => `${path}: ${key}`)).toEqual(['idle: validation.wholeNumber', 'absolute: validation.required']);
  });
});
