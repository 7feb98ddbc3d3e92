import type { Msg } from '../context';
import { formatLocal } from '../time';

export const msg = (zh: string, en: string): Msg => ({ 'zh-CN': zh, en });

/** "Next lawful …" sentence for a time-based block. */
export function nextAt(release: number, zone: string): Msg {
  const at = formatLocal(release, zone);
  return { 'zh-CN': `按此规则，最早可于 ${at} 联系。`, en: ` Next lawful contact under this rule: ${at}.` };
}

/** Concatenates message parts; English parts carry their own leading space. */
export function join(...parts: Msg[]): Msg {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(''), en: parts.map((p) => p.en).join('') };
}

export const CHANNEL_NAMES: Record<string, Msg> = {
  call: msg('电话', 'call'),
  sms: msg('短信', 'text message'),
  email: msg('电子邮件', 'e-mail'),
  letter: msg('信函', 'letter'),
  visit: msg('上门', 'visit'),
};

/** The contact point as messages name it: its masked label, never the internal id when a label is known. */
export function contactName(a: { contact: string; contactLabel?: string }): string {
  return a.contactLabel ?? a.contact;
}
