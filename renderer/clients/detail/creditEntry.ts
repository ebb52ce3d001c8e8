import { addCredits, type CreditKind, type EntryReason } from '../../../shared/credits';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { checkBeforeSending, invalid, wholeNumber } from '../../portfolio/forms';

/**
 * The ledger entry the credit form asks for. A top-up or usage takes a number
 * of credits and the kind of entry gives the sign, so a sign typed there is
 * refused, never dropped ("-5" as a top-up once recorded +5); a correction
 * takes a signed change. Throws the field errors the channel would answer.
 */
export function creditEntry(form: { id: number; kind: CreditKind; reason: EntryReason; amount: string; note: string }): ChannelInput<'clients.credits.add'> {
  const { reason } = form;
  const typed = wholeNumber(form.amount);
  if (typed === null) throw invalid('amount', 'validation.wholeNumber', 'Enter a whole number.');
  if (reason === 'top_up' && typed < 0) throw invalid('amount', 'credits.topUpPositive', 'A top-up adds credits: enter a positive amount.');
  if (reason === 'usage' && typed < 0) throw invalid('amount', 'credits.usedWithoutSign', 'Enter the credits used without a minus sign: usage always takes them from the balance.');
  const input = { id: form.id, kind: form.kind, reason, amount: reason === 'usage' ? -typed : typed, note: form.note };
  checkBeforeSending(addCredits, input);
  return input;
}
