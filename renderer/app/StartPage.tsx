import './start.css';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PreferenceControls } from '../preferences/PreferenceControls';
import { useWorkspace } from '../workspace/store';

export const PRODUCT_NAME = 'Reseller Desk';

/**
 * The frame of every screen before sign-in: a centred card with a heading,
 * the preference switches and the workspace file it is about.
 */
export function StartPage({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const file = useWorkspace((s) => s.status?.file);
  const card = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new screen (each mounts its own page): focus goes to its heading unless a field inside asked for it.
  useEffect(() => {
    if (!card.current?.contains(document.activeElement)) heading.current?.focus();
  }, []);

  return (
    <div className="start-page">
      <main ref={card} className={wide ? 'start-card start-card-wide' : 'start-card'} aria-labelledby="start-title">
        <p className="start-product">{PRODUCT_NAME}</p>
        <h1 id="start-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      <footer className="start-footer">
        {file && <p className="start-file">{t('app.workspaceFile', { file })}</p>}
        <PreferenceControls />
      </footer>
    </div>
  );
}
