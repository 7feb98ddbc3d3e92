/**
 * Nothing of the app renders before sign-in. Once signed in, the app stays mounted; an idle lock
 * covers it with an unlock form (inert underneath), so nothing typed is lost.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../app/LanguageSelect';
import { useAuth } from './authStore';
import { SignInForm } from './SignInForm';
import { useIdleLock } from './useIdleLock';

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
        {/* Before sign-in there is no top bar: the language choice sits in the corner. */}
        <LanguageSelect className="auth-language" testId="auth-language" />
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
