import { describe, expect, it } from 'vitest';
import { translateOr } from '../../renderer/i18n/i18n';

describe('feature names in messages', () => {
  it('shows the name of a feature the main process names by its key', () => {
    expect(translateOr('features.notInPlan', { feature: 'reports' }, '')).toBe('The feature “Reports” is not part of your plan (or does not exist).');
    expect(translateOr('features.inUse', { feature: 'api-access', clients: 1200 }, '')).toMatch(/^Clients using “API access”: 1,200\./);
  });

  it('shows a key the catalogue has no name for as it is', () => {
    expect(translateOr('features.unknown', { feature: 'teleport' }, '')).toBe('There is no feature “teleport” in the catalogue.');
  });
});
