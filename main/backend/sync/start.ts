/**
 * Starts the sync loop for a host, with the workstation key's protector (see protection.ts): without
 * one, sync runs without the power to sign and says so in its status.
 */
import type { AppContext } from '../context';
import type { KeyProtector } from '../crypto/protect';
import { attachSyncService, createSyncService, type SyncService } from './service';

export function startSync(app: AppContext, protector: KeyProtector): SyncService {
  const service = createSyncService(app, { protector });
  attachSyncService(app, service);
  service.start();
  return service;
}
