/**
 * Once signed in, the queue's first page is asked for at once — while the app shell renders and
 * sends its own calls — instead of when the queue screen has mounted. The queue store's `enter()`
 * then shows that page rather than asking again.
 */
import { useAuth } from '../auth/authStore';
import { useNavigation } from '../../stores/navigation';
import { useQueue } from './queueStore';

export function primeQueueOnSignIn(): () => void {
  return useAuth.subscribe((s, prev) => {
    if (s.phase === 'signedIn' && prev.phase !== 'signedIn' && useNavigation.getState().view.name === 'queue') useQueue.getState().prime();
  });
}
