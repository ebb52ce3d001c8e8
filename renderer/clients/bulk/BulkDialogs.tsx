import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditKinds, type CreditKind } from '../../../shared/credits';
import { useCatalogue } from '../../features/store';
import { useFeatureName } from '../../features/useFeatureName';
import { FormDialog } from '../../portfolio/FormDialog';
import { invalid, splitTags, wholeNumber } from '../../portfolio/forms';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Field, SelectField } from '../../ui/Field';
import { useSelection } from '../selectionStore';
import { bulkCredits, bulkFeature, bulkStatus, bulkTags } from './bulkActions';

interface BulkDialogProps {
  count: number;
  onClosed: () => void;
}

export function BulkTagsDialog({ count, onClosed }: BulkDialogProps) {
  const { t } = useTranslation();
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  return (
    <FormDialog
      title={t('bulk.tags.title', { count })}
      fields={['add', 'remove'] as const}
      submitLabel={t('bulk.tags.submit')}
      onClosed={onClosed}
      onSubmit={() => {
        if (!splitTags(add).length && !splitTags(remove).length) throw invalid('add', 'bulk.tags.none', 'Enter a tag to add or to remove.');
        return bulkTags(splitTags(add), splitTags(remove));
      }}
    >
      {(failure) => (
        <>
          <CheckedClients />
          <Field label={t('bulk.tags.add')} hint={t('bulk.tags.hint')} autoFocus value={add} onChange={(e) => setAdd(e.target.value)} error={failure.fieldError('add')} />
          <Field label={t('bulk.tags.remove')} value={remove} onChange={(e) => setRemove(e.target.value)} error={failure.fieldError('remove')} />
        </>
      )}
    </FormDialog>
  );
}

/** One confirmation for the whole selection, with the reason every client's history keeps. */
export function BulkSuspendDialog({ count, onClosed }: BulkDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={t('bulk.suspend.title', { count })}
      fields={['reason'] as const}
      submitLabel={t('bulk.suspend.submit', { count })}
      danger
      onClosed={onClosed}
      onSubmit={() => bulkStatus('suspended', reason)}
    >
      {(failure) => (
        <>
          <CheckedClients />
          <p>{t('bulk.suspend.explain')}</p>
          <Field label={t('clientDetail.suspendReason')} autoFocus maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} error={failure.fieldError('reason')} />
        </>
      )}
    </FormDialog>
  );
}

export function BulkFeatureDialog({ count, onClosed }: BulkDialogProps) {
  const { t } = useTranslation();
  const features = useCatalogue((s) => s.features) ?? [];
  const featureName = useFeatureName();
  const [feature, setFeature] = useState(features.find((f) => f.inPlan)?.key ?? '');
  const [enabled, setEnabled] = useState(true);
  return (
    <FormDialog
      title={t('bulk.feature.title', { count })}
      fields={['feature', 'features'] as const}
      submitLabel={t(enabled ? 'bulk.feature.enable' : 'bulk.feature.disable')}
      onClosed={onClosed}
      onSubmit={() => bulkFeature(feature, enabled)}
    >
      {(failure) => (
        <>
          <CheckedClients />
          {/* "Not in your plan" comes for the features of the clients ("features"), unknown ones for the choice ("feature"). */}
          <SelectField
            label={t('bulk.feature.feature')}
            autoFocus
            value={feature}
            onChange={(e) => setFeature(e.target.value)}
            error={failure.fieldError('feature') ?? failure.fieldError('features')}
          >
            {features.map((f) => (
              <option key={f.key} value={f.key}>
                {f.inPlan ? featureName(f.key) : t('features.outsidePlanOption', { feature: f.key })}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup
            legend={t('bulk.feature.change')}
            options={[
              { value: 'enable', label: t('bulk.feature.enableOption') },
              { value: 'disable', label: t('bulk.feature.disableOption') },
            ]}
            value={enabled ? 'enable' : 'disable'}
            onChange={(value) => setEnabled(value === 'enable')}
          />
        </>
      )}
    </FormDialog>
  );
}

export function BulkCreditsDialog({ count, onClosed }: BulkDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CreditKind>('sms');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title={t('bulk.credits.title', { count })}
      fields={['kind', 'amount', 'note'] as const}
      submitLabel={t('bulk.credits.submit')}
      onClosed={onClosed}
      onSubmit={() => {
        const value = wholeNumber(amount);
        if (value === null || value < 1) throw invalid('amount', 'validation.positiveWholeNumber', 'Enter a whole number of at least 1.');
        return bulkCredits(kind, value, note);
      }}
    >
      {(failure) => (
        <>
          <CheckedClients />
          <SelectField label={t('credits.kindLabel')} autoFocus value={kind} onChange={(e) => setKind(e.target.value as CreditKind)}>
            {creditKinds.map((k) => (
              <option key={k} value={k}>
                {t(`credits.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <Field label={t('bulk.credits.amount')} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} error={failure.fieldError('amount')} />
          <Field label={t('credits.note')} hint={t('bulk.credits.noteHint')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} error={failure.fieldError('note')} />
        </>
      )}
    </FormDialog>
  );
}

const NAMED = 5;
/** Which clients the change is for, by name: checks made under an earlier search are not on screen any more. */
function CheckedClients() {
  const { t } = useTranslation();
  const picked = useSelection((s) => s.picked);
  const names = [...picked.values()].slice(0, NAMED).map((c) => c.companyName);
  const more = picked.size - names.length;
  return <p className="bulk-which">{more > 0 ? t('bulk.whichMore', { names: names.join(', '), count: more }) : t('bulk.which', { names: names.join(', ') })}</p>;
}
