/**
 * Nothing of the app renders before sign-in. Once signed in, the app stays mounted; an idle lock
 * covers it with an unlock form (inert underneath), so nothing typed is lost.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, setLanguage } from '../../app/i18n';
import { useAuth } from './authStore';
import { SignInForm } from './SignInForm';
import { useIdleLock } from './useIdleLock';

/** Before sign-in there is no top bar: the language choice sits in the corner. */
function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="auth-language">
      <span className="visually-hidden">{t('shell.language')}</span>
      <select value={i18n.language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)} data-testid="auth-language">
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const phase = useAuth((s) => s.phase);
  const locked = useAuth((s) => s.locked);
  const refresh = useAuth((s) => s.refresh);
  useIdleLock();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (phase === 'loading') {
    return (
      <main className="auth-screen" aria-busy="true">
        <p>{t('auth.loading')}</p>
      </main>
    );
  }
  if (phase === 'setup' || phase === 'signedOut') {
    return (
      <main className="auth-screen">
        <LanguagePicker />
        <SignInForm purpose={phase === 'setup' ? 'setup' : 'signIn'} />
      </main>
    );
  }
  return (
    <>
      <div className="auth-app" inert={locked}>
        {children}
      </div>
      {locked ? (
        <div className="auth-lock" role="dialog" aria-modal="true" aria-labelledby="auth-title" data-testid="lock-screen">
          <SignInForm purpose="unlock" />
        </div>
      ) : null}
    </>
  );
}
