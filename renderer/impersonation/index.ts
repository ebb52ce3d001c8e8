/** Log in as client or partner: the pieces other screens place (client detail, settings, header). */
export { AccessHistory } from './AccessHistory';
export { ImpersonationLayer } from './ImpersonationLayer';
export { ImpersonationSettingsSection } from './ImpersonationSettingsSection';
export { LogInAsActions } from './LogInAsActions';
export { OpenSessionsButton } from './OpenSessionsButton';
export { PartnerAccessEditor } from './PartnerAccessEditor';
export { ResellerPortalButton } from './ResellerPortalButton';
