import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A component whose module is a chunk of its own, loaded when it first
 * renders, so the first screen does not wait for it: `load` imports the
 * module, `name` is the component's export. It renders inside `WhenLoaded`.
 */
// `any` as React's own `lazy` has it: a component with whatever props.
export const lazyNamed = <K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

/** Its children once their chunks are in; until then, "Loading…" (announced politely). */
export function WhenLoaded({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}
