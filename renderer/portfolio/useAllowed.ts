import type { Permission } from '../../shared/permissions';
import { hasPermission, useSession } from '../session/store';

/** Whether the signed-in operator's role includes a right: controls for what it does not include are not offered. */
export const useAllowed = (permission: Permission) => useSession((s) => hasPermission(s.session, permission));
