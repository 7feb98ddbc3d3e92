/** Encryption at rest: the database key, how it is wrapped, rotated and recovered. README "Encryption at rest". */
export * from './errors';
export * from './files';
export { type KdfCost, type PlatformKeyWrapper } from './format';
export { changePassphrase, createKeystore, enrollPlatform, readKeystore, unlockDatabaseKey, unlockKeystore, MIN_PASSPHRASE_LENGTH, checkNewPassphrase } from './keystore';
export { checkDataDirMode, dataDirState, databaseFileState, markPlain, type DataDirState, type DatabaseFileState } from './mode';
export { type UnlockOptions } from './pending';
export { normalizeRecoveryCode } from './recovery-code';
export { rotateKey, type RotateCredentials } from './rotate';
export { type UnlockCredentials } from './unwrap';
export { askHidden, askNewPassphrase, PASSPHRASE_FILE_ENV, readPassphraseFile } from './passphrase-input';
export { passphraseFileFrom, resolveDatabaseAccess, showRecoveryCode, type DatabaseAccess, type StartupInput } from './startup';
export { encryptDataDir, type EncryptResult } from './encrypt';
