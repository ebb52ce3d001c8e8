import type { HandlersOf } from '../app/context';
import { changedFields } from '../app/patch';
import { conflict, notFound } from '../app/errors';
import { findFeature, listCatalogue, updateFeature } from './repository';

export const featureHandlers: HandlersOf<'features.list' | 'features.update'> = {
  'features.list': (_input, ctx) => listCatalogue(ctx.workspace().db),

  'features.update': ({ key, ...patch }, ctx) => {
    const current = findFeature(ctx.workspace().db, key);
    if (!current) throw notFound('features.unknown', `There is no feature "${key}" in the catalogue.`, { feature: key });
    const { inPlan, hidden } = changedFields(patch, current);
    if (inPlan === undefined && hidden === undefined) return listCatalogue(ctx.workspace().db).find((f) => f.key === key)!;
    return ctx.write((tx, audit) => {
      const before = findFeature(tx, key)!;
      if (inPlan === false && before.inPlan) {
        // Taking a feature out of the plan would strand the clients that use it: they are changed first (bulk), on purpose.
        const { clients } = before;
        if (clients > 0) {
          throw conflict('features.inUse', `${clients} clients use "${key}"; disable it for them before taking it out of the plan.`, { feature: key, clients });
        }
      }
      updateFeature(tx, key, { inPlan, hidden });
      const after = { inPlan: inPlan ?? before.inPlan, hidden: hidden ?? before.hidden };
      audit({
        action: 'feature.changed',
        summary: `Feature ${key}: ${after.inPlan ? 'in plan' : 'not in plan'}, ${after.hidden ? 'hidden by white-label' : 'visible'}`,
        before: { feature: key, inPlan: before.inPlan, hidden: before.hidden },
        after: { feature: key, ...after },
      });
      return listCatalogue(tx).find((f) => f.key === key)!;
    });
  },
};
