import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recorder } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { keyProtectionAvailable, unwrapKey, wrapKey } = await import('../../../main/electron/safe-storage');

const key = Buffer.from('0123456789abcdef0123456789abcdef');

beforeEach(() => recorder.reset());

describe('safe-storage key wrapping', () => {
  it('round-trips a key when the OS keyring protects it', async () => {
    const blob = await wrapKey(key, 'linux');
    expect(blob).not.toBeNull();
    expect(blob!.includes(key)).toBe(false);
    expect(await unwrapKey(blob!, 'linux')).toEqual({ key, shouldReEncrypt: false });
  });

  it.each(['basic_text', 'unknown'])('fails closed on Linux when the backend is %s', async (backend) => {
    recorder.storageBackend = backend;
    expect(await keyProtectionAvailable('linux')).toBe(false);
    expect(await wrapKey(key, 'linux')).toBeNull();
    expect(await unwrapKey(Buffer.from(`enc:${key.toString('base64')}`), 'linux')).toBeNull();
  });

  it('fails closed when encryption is unavailable on any platform', async () => {
    recorder.encryptionAvailable = false;
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(await wrapKey(key, platform)).toBeNull();
    }
  });

  it('does not consult the Linux backend elsewhere', async () => {
    recorder.storageBackend = 'basic_text';
    expect(await keyProtectionAvailable('darwin')).toBe(true);
  });

  it('returns null, not garbage, for a tampered blob', async () => {
    expect(await unwrapKey(Buffer.from('tampered'), 'linux')).toBeNull();
  });
});
