import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULK_MAX } from '../../../shared/client-bulk';
import { useAllowed } from '../../portfolio/useAllowed';
import { lazyNamed, WhenLoaded } from '../../ui/lazy';
import { noticeFailure } from '../noticeStore';
import { clearPicked, useSelection } from '../selectionStore';
import { bulkExport, bulkStatus } from './bulkActions';

type BulkDialog = 'tags' | 'suspend' | 'feature' | 'credits';
const loadDialogs = () => import('./BulkDialogs');
const dialogs = {
  tags: lazyNamed(loadDialogs, 'BulkTagsDialog'),
  suspend: lazyNamed(loadDialogs, 'BulkSuspendDialog'),
  feature: lazyNamed(loadDialogs, 'BulkFeatureDialog'),
  credits: lazyNamed(loadDialogs, 'BulkCreditsDialog'),
};

/** Under the list while clients are checked: how many, and what can be done to all of them at once. */
export function BulkBar() {
  const { t } = useTranslation();
  const count = useSelection((s) => s.picked.size);
  const collecting = useSelection((s) => s.collecting);
  const capped = useSelection((s) => s.capped);
  const may = { edit: useAllowed('clients.edit'), status: useAllowed('clients.status'), credits: useAllowed('clients.credits'), export: useAllowed('clients.export') };
  const [dialog, setDialog] = useState<BulkDialog | null>(null);
  const [busy, setBusy] = useState(false);
  if (count === 0 && !collecting) return null;

  const run = (action: () => Promise<void>) => () => {
    setBusy(true);
    action()
      .catch(noticeFailure)
      .finally(() => setBusy(false));
  };
  const open = (which: BulkDialog) => () => setDialog(which);
  const Open = dialog && dialogs[dialog];
  const disabled = busy || !!collecting || count === 0;
  const actions = [
    { label: t('bulk.tags.open'), allowed: may.edit, onClick: open('tags') },
    { label: t('bulk.suspend.open'), allowed: may.status, onClick: open('suspend') },
    { label: t('bulk.reenable.open'), allowed: may.status, onClick: run(() => bulkStatus('active')) },
    { label: t('bulk.feature.open'), allowed: may.edit, onClick: open('feature') },
    { label: t('bulk.credits.open'), allowed: may.credits, onClick: open('credits') },
    { label: t('bulk.export'), allowed: may.export, onClick: run(bulkExport) },
  ];

  return (
    <section className="bulk-bar" aria-label={t('bulk.region')}>
      <div className="bulk-summary">
        <p role="status">{collecting ? t('bulk.collecting', { done: collecting.done, total: collecting.total }) : t('bulk.checked', { count })}</p>
        <button type="button" className="button link" onClick={clearPicked}>
          {t('bulk.clear')}
        </button>
      </div>
      {capped !== null && (
        <p className="field-hint" role="status">
          {t('bulk.capped', { max: BULK_MAX, total: capped })}
        </p>
      )}
      <div className="bulk-actions">
        {actions
          .filter(({ allowed }) => allowed)
          .map(({ label, onClick }) => (
            <button key={label} type="button" className="button" disabled={disabled} onClick={onClick}>
              {label}
            </button>
          ))}
      </div>
      {Open && (
        <WhenLoaded>
          <Open count={count} onClosed={() => setDialog(null)} />
        </WhenLoaded>
      )}
    </section>
  );
}
