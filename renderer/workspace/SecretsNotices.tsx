import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceNotice } from '../../shared/workspace';
import { useWorkspace } from './store';

/**
 * What the operator must know about how secrets are kept here: not by the
 * operating system's keychain, or SSO tokens encrypted on another computer.
 * Shown above every screen until dismissed for this start.
 */
export function SecretsNotices() {
  const { t } = useTranslation();
  const status = useWorkspace((s) => s.status);
  const [dismissed, setDismissed] = useState(false);
  const notices = status && status.state !== 'unavailable' ? status.notices : [];
  if (dismissed || notices.length === 0) return null;
  return (
    <div className="secrets-notices alert-warning" role="note">
      <div>
        {notices.map((notice) => (
          <p key={notice.kind}>
            <NoticeText notice={notice} />
          </p>
        ))}
      </div>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}

function NoticeText({ notice }: { notice: WorkspaceNotice }) {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'secretsNotProtected':
      return t(`workspace.notice.${notice.storage}`);
    case 'ssoTokensSealedElsewhere':
      return t('workspace.notice.ssoTokensSealedElsewhere', { count: notice.tokens });
  }
}
