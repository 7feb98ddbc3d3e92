/**
 * Masking of personal data for display, exports and logs. Enough stays visible for a collector to
 * recognise the right record ("138****5678"), never enough to reconstruct it.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

export function maskName(name: string): string {
  const n = name.trim();
  if (n.length === 0) return '';
  if (CJK.test(n)) return n[0] + '*'.repeat(Math.max(1, [...n].length - 1));
  return n
    .split(/\s+/)
    .map((part) => (part.length <= 1 ? part : part[0] + '*'.repeat(part.length - 1)))
    .join(' ');
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskNationalId(id: string): string {
  const s = id.trim();
  if (s.length <= 4) return '*'.repeat(s.length);
  return `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***@${email.slice(at + 1)}`;
}

export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length === 0) return '';
  const keep = Math.min(6, Math.floor(chars.length / 3));
  return `${chars.slice(0, keep).join('')}…`;
}

export type ContactKind = 'mobile' | 'phone' | 'email' | 'address' | 'workplace';

export function maskContact(kind: ContactKind, value: string): string {
  switch (kind) {
    case 'mobile':
    case 'phone':
    case 'workplace':
      return maskPhone(value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(value);
  }
}
