import type { ContactPointView } from '../../../common/api/types';

/** A revealed number dials (tel:), an e-mail address writes (mailto:); nothing else becomes a link. */
export function contactHref(kind: ContactPointView['kind'], value: string): string | null {
  if (kind === 'email') return /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(value) ? `mailto:${value}` : null;
  if (kind === 'address') return null;
  const digits = value.replace(/[^\d+]/g, '');
  return /^\+?\d{3,20}$/.test(digits) ? `tel:${digits}` : null;
}
