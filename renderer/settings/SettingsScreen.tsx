import '../portfolio/portfolio.css';
import './settings.css';
import '../ui/tabs.css';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandSection } from '../branding/BrandSection';
import { FeaturesSection } from '../features/FeaturesSection';
import { ImpersonationSettingsSection } from '../impersonation/ImpersonationSettingsSection';
import { OutboxList } from '../outbox/OutboxList';
import { useAllowed } from '../portfolio/useAllowed';
import { tabPanel, TabList } from '../ui/Tabs';
import { discardingChanges } from '../ui/unsavedChanges';

const SECTIONS_ID = 'settings-sections';
type SettingsSection = 'brand' | 'features' | 'logInAs' | 'outbox';

/** The workspace's settings, one section at a time: brand, features, log in as, and the mail outbox. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<SettingsSection>('brand');
  const mayViewClients = useAllowed('clients.view');
  const sections: Partial<Record<SettingsSection, ReactNode>> = {
    brand: <BrandSection />,
    features: <FeaturesSection />,
    logInAs: <ImpersonationSettingsSection />,
    ...(mayViewClients && { outbox: <OutboxList /> }),
  };
  const tabs = (Object.keys(sections) as SettingsSection[]).map((key) => ({ key, label: t(`settings.sections.${key}`) }));
  return (
    <div className="settings-screen">
      <div className="settings-nav">
        <h2 className="settings-title">{t('settings.title')}</h2>
        <TabList id={SECTIONS_ID} label={t('settings.title')} tabs={tabs} current={current} onSelect={(key) => key !== current && discardingChanges(() => setCurrent(key))} vertical />
      </div>
      <div {...tabPanel(SECTIONS_ID, current)} className="settings-panel">
        <h2 className="settings-heading">{t(`settings.sections.${current}`)}</h2>
        <p className="settings-intro">{t(`settings.intro.${current}`)}</p>
        {sections[current]}
      </div>
    </div>
  );
}
