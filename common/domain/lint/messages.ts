import type { LexiconCategory } from './types';

type Msg = { 'zh-CN': string; en: string };

const CATEGORY: Record<LexiconCategory, Msg> = {
  threat_arrest: { 'zh-CN': '威胁拘捕或刑事后果', en: 'Threat of arrest or criminal consequences' },
  threat_violence: { 'zh-CN': '暴力或恐吓', en: 'Threat of violence or intimidation' },
  exposure: {
    'zh-CN': '向家人、单位、通讯录或公众披露债务',
    en: 'Exposing the debt to family, employer, contacts or the public',
  },
  impersonation: {
    'zh-CN': '冒充法院、公安或政府机关，或伪造官方文书',
    en: 'Impersonating a court, police or government, or an official-looking document',
  },
  false_legal: { 'zh-CN': '虚假或夸大的法律后果', en: 'False or exaggerated legal consequence' },
  insult: { 'zh-CN': '侮辱、谩骂或低俗用语', en: 'Insulting, abusive or obscene language' },
  collection_fee: { 'zh-CN': '收取催收费用', en: 'Charging a collection fee' },
  payee: { 'zh-CN': '要求向非出借方账户付款', en: 'Payment to an account that is not the lender’s' },
  new_borrowing: { 'zh-CN': '诱导借新还旧', en: 'Pushing the borrower to take on new borrowing' },
  pressure: {
    'zh-CN': '施压一次性还清或变卖财产',
    en: 'Pressure to pay in full at once or to sell property',
  },
  legal_action: { 'zh-CN': '对已过诉讼时效的债务威胁起诉', en: 'Threat of suit on a time-barred debt' },
  debt_mention: { 'zh-CN': '向第三方透露债务信息', en: 'Revealing the debt to a third party' },
};

export function lexiconMessage(category: LexiconCategory, phrase: string, start: number): Msg {
  const m = CATEGORY[category];
  return {
    'zh-CN': `${m['zh-CN']}：“${phrase}”（第 ${start + 1} 个字符起）。请删改后再发送。`,
    en: `${m.en}: "${phrase}" (at character ${start + 1}). Reword before sending.`,
  };
}

export function missingMessage(what: Msg): Msg {
  return {
    'zh-CN': `缺少必备内容：${what['zh-CN']}。`,
    en: `Missing required content: ${what.en}.`,
  };
}

export function placeholderMessage(phrase: string): Msg {
  return {
    'zh-CN': `模板字段未填写：“${phrase}”。`,
    en: `Template field not filled in: "${phrase}".`,
  };
}
