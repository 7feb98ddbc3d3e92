/** Errors of the key store and the data-folder mode checks; each message says what to do next. */

export class KeystoreMissingError extends Error {
  override readonly name = 'KeystoreMissingError';
}

/** The file parses badly or its MAC fails: someone or something changed it. Never guess past it. */
export class KeystoreTamperedError extends Error {
  override readonly name = 'KeystoreTamperedError';
}

/** keystore.json names a page cipher this build does not know (a newer CaseDesk wrote it, or it was altered). */
export class UnknownCipherError extends Error {
  override readonly name = 'UnknownCipherError';
}

/** AES-GCM refused the passphrase entry: a wrong passphrase (or an altered entry — GCM cannot tell). */
export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
}

export class WrongRecoveryCodeError extends Error {
  override readonly name = 'WrongRecoveryCodeError';
}

/** The OS keychain could not unlock the key (unavailable, Linux basic_text, another machine): ask for the passphrase. */
export class PassphraseRequiredError extends Error {
  override readonly name = 'PassphraseRequiredError';
}

/** An encrypted data folder opened as plain, a plain one opened with a key, or an unmarked one. */
export class DataDirModeError extends Error {
  override readonly name = 'DataDirModeError';
}
