/** Sign-in, first-run administrator setup, and unlock — one form, three purposes. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/errors';
import { useAuth } from './authStore';

export type SignInPurpose = 'signIn' | 'setup' | 'unlock';

export function SignInForm({ purpose }: { purpose: SignInPurpose }) {
  const { t } = useTranslation();
  const { busy, error, user, signIn, setupAdmin, signOut } = useAuth();
  const [username, setUsername] = useState(purpose === 'unlock' ? (user?.username ?? '') : '');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = purpose === 'setup' && confirm.length > 0 && confirm !== password;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (purpose === 'setup') {
      if (password !== confirm) return;
      void setupAdmin(username, displayName, password);
    } else void signIn(username, password);
  };

  return (
    <form className="auth-form" onSubmit={submit} aria-labelledby="auth-title" data-testid={`auth-${purpose}`}>
      <h1 id="auth-title">{t(`auth.${purpose}.title`)}</h1>
      <p className="auth-hint">{t(`auth.${purpose}.hint`)}</p>
      <label className="field">
        <span>{t('auth.username')}</span>
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          readOnly={purpose === 'unlock'}
          required
          autoFocus={purpose !== 'unlock'}
          data-testid="auth-username"
        />
      </label>
      {purpose === 'setup' ? (
        <label className="field">
          <span>{t('auth.displayName')}</span>
          <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        </label>
      ) : null}
      <label className="field">
        <span>{t('auth.password')}</span>
        <input
          type="password"
          name="password"
          autoComplete={purpose === 'setup' ? 'new-password' : 'current-password'}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          minLength={purpose === 'setup' ? 10 : 1}
          required
          autoFocus={purpose === 'unlock'}
          data-testid="auth-password"
        />
      </label>
      {purpose === 'setup' ? (
        <label className="field">
          <span>{t('auth.confirmPassword')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            aria-invalid={mismatch}
            required
          />
          {mismatch ? <span className="field-error">{t('auth.mismatch')}</span> : null}
        </label>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="auth-error">
          {errorText(error, t)}
        </p>
      ) : null}
      <div className="auth-actions">
        {purpose === 'unlock' ? (
          <button type="button" className="btn btn-ghost" onClick={() => void signOut()}>
            {t('auth.signOut')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy || mismatch} data-testid="auth-submit">
          {t(`auth.${purpose}.submit`)}
        </button>
      </div>
    </form>
  );
}
