import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissListNotice, noticeFailure, useListNotice } from './noticeStore';

/** The outcome of the last export or bulk change, above the bulk bar; errors are alerts. */
export function ListNoticeBar() {
  const { t } = useTranslation();
  const notice = useListNotice((s) => s.notice);
  const [undoing, setUndoing] = useState(false);
  if (!notice) return null;
  const { undo } = notice;
  return (
    <div className={`list-notice list-notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <p>{notice.say(t)}</p>
      {undo && (
        <button
          type="button"
          className="button"
          disabled={undoing}
          onClick={() => {
            setUndoing(true);
            undo()
              .catch(noticeFailure)
              .finally(() => setUndoing(false));
          }}
        >
          {t('bulk.undo')}
        </button>
      )}
      <button type="button" className="button link" onClick={dismissListNotice}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
