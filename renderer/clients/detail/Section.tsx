import { useId, type ReactNode } from 'react';

/** A titled part of the client view; `actions` sit beside the title. */
export function Section({ title, actions, className, children }: { title: string; actions?: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={className ? `detail-section ${className}` : 'detail-section'} aria-labelledby={id}>
      <div className="section-head">
        <h3 id={id}>{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A titled group of label/value pairs. */
export function Facts({ title, facts }: { title: string; facts: [label: string, value: ReactNode][] }) {
  return (
    <Section title={title} className="facts">
      <dl>
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
