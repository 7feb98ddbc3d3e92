/**
 * Starts the sync loop for a host. The workstation key is protected by the passphrase when there is
 * one (loopback host, CLI) or by the platform's keychain (Electron); without either, sync runs
 * without the power to sign and says so in its status.
 */
import type { AppContext } from '../context';
import { passphraseProtector, unavailableProtector, type KeyProtector } from '../crypto/protect';
import { attachSyncService, createSyncService, type SyncService } from './service';

export function startSync(app: AppContext, protection: { passphrase: string } | { protector: KeyProtector } | null): SyncService {
  const protector =
    protection === null
      ? unavailableProtector('This workstation was started without a passphrase, so it cannot sign reports; start it with --passphrase-file.')
      : 'protector' in protection
        ? protection.protector
        : passphraseProtector(protection.passphrase);
  const service = createSyncService(app, { protector });
  attachSyncService(app, service);
  service.start();
  return service;
}
