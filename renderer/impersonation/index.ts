/**
 * Log in as client or partner: the pieces other screens place (client detail, header).
 * The access history tab and the settings section load with their screens: those import them by path.
 */
export { ImpersonationLayer } from './ImpersonationLayer';
export { LogInAsActions } from './LogInAsActions';
export { OpenSessionsButton } from './OpenSessionsButton';
export { PartnerAccessEditor } from './PartnerAccessEditor';
export { ResellerPortalButton } from './ResellerPortalButton';
export { useOpenSessions, windowsOf } from './sessionsStore';
