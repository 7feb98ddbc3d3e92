// First: starts the sign-in status request before the rest of the app is evaluated.
import './features/auth/earlyStatus';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/base.css';
import './styles/shell.css';
import './styles/queue.css';
import './styles/case.css';
import './styles/forms.css';
import './styles/auth.css';
import './styles/supervisor.css';
import './styles/dayloop.css';
import './styles/admin.css';
import { initI18n } from './app/i18n';
import { App } from './app/App';
import { AuthGate } from './features/auth/AuthGate';
import { primeQueueOnSignIn } from './features/queue/prime';

initI18n();
primeQueueOnSignIn();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <App />
      </AuthGate>
    </StrictMode>,
  );
}
