/** The paragraphs that make each event letter what it is, in both languages. */
import type { Lang, PresetId } from '../../guardrails/types';
import type { LetterType } from './types';

type EventType = Exclude<LetterType, 'collection' | 'validation_notice'>;

const BALANCE: Record<Lang, string> = {
  en: 'As of {{dueDate}}, the balance of your account is {{balance}}.',
  'zh-CN': '截至{{dueDate}}，您账户的欠款余额为{{balance}}。',
};

const MIDDLES: Record<EventType, Record<Lang, string>> = {
  promise_confirmation: {
    en: `Thank you for speaking with us. This letter confirms the payment you arranged: {{promiseAmount}} on or before {{promiseDate}}.

${BALANCE.en} If your circumstances change or you cannot make this payment, please contact us before that date so that we can discuss it with you.`,
    'zh-CN': `感谢您与我们沟通。现书面确认您约定的还款：于{{promiseDate}}或之前还款{{promiseAmount}}。

${BALANCE['zh-CN']}如情况有变或无法按期还款，请在该日期前与我们联系，我们将与您商量。`,
  },
  plan_confirmation: {
    en: `This letter confirms the repayment plan you agreed:
{{planSchedule}}

Please pay each instalment by its date. ${BALANCE.en} If your circumstances change, contact us as soon as you can so that we can review the plan with you.`,
    'zh-CN': `现书面确认您同意的分期还款计划：
{{planSchedule}}

请在每期到期日前按时还款。${BALANCE['zh-CN']}如情况有变，请尽快与我们联系，我们会与您一起重新评估计划。`,
  },
  paid_in_full: {
    en: `We are pleased to confirm that your account with {{lenderName}} has been paid in full. Since {{itemizationDate}} we have received {{paymentsSince}} in total. As of {{dueDate}} the balance is {{balance}}, and no further payment is due on this account.

Please keep this letter for your records.`,
    'zh-CN': `我们很高兴确认：您在{{lenderName}}的账户已经还清，欠款为零。自{{itemizationDate}}起，我们共收到您的还款{{paymentsSince}}。截至{{dueDate}}，欠款余额为{{balance}}，该账户无需再还款。

请妥善保存本函。`,
  },
  settled: {
    en: `This letter confirms that {{lenderName}} has accepted the payments you made, {{paymentsSince}} in total since {{itemizationDate}}, in full and final settlement of this account. The account is closed as settled, and no further payment is due on it. As of {{dueDate}} the balance shown is {{balance}}.

Please keep this letter for your records.`,
    'zh-CN': `现确认：{{lenderName}}已接受您自{{itemizationDate}}起的还款共{{paymentsSince}}，作为该账户的全部及最终和解。该账户已按和解结清，无需再还款。截至{{dueDate}}，显示的欠款余额为{{balance}}。

请妥善保存本函。`,
  },
  complaint_acknowledgement: {
    en: `We received your complaint on {{complaintDate}}. Thank you for telling us. We are looking into it and will send you our response by {{complaintResponseDate}}. If you have anything to add, please contact us.

${BALANCE.en}`,
    'zh-CN': `我们已于{{complaintDate}}收到您的投诉，感谢您告知我们。我们正在调查处理，将在{{complaintResponseDate}}前书面答复您。如需补充情况，请与我们联系。

${BALANCE['zh-CN']}`,
  },
  complaint_final_response: {
    en: `This is our final response to the complaint you made on {{complaintDate}}.

{{complaintResponse}}

{{referral}}

${BALANCE.en}`,
    'zh-CN': `这是我们对您于{{complaintDate}}提出的投诉的最终答复。

{{complaintResponse}}

{{referral}}

${BALANCE['zh-CN']}`,
  },
};

/** Where a complainant may take a final response they are not satisfied with. */
const REFERRAL: Record<PresetId, Record<Lang, string>> = {
  'uk-conc': {
    en: 'If you are not satisfied with our response, you may refer your complaint to the Financial Ombudsman Service within six months of the date of this letter. The service is free: www.financial-ombudsman.org.uk, 0800 023 4567.',
    'zh-CN': '如您对本答复不满意，可在本函日期起六个月内将投诉提交金融申诉专员服务机构（Financial Ombudsman Service），该服务免费：www.financial-ombudsman.org.uk，0800 023 4567。',
  },
  'us-regf': {
    en: 'If you are not satisfied with our response, you may submit a complaint to the Consumer Financial Protection Bureau at www.consumerfinance.gov or 1-855-411-2372.',
    'zh-CN': '如您对本答复不满意，可向美国消费者金融保护局（CFPB）投诉：www.consumerfinance.gov，1-855-411-2372。',
  },
  cn: {
    en: 'If you are not satisfied with our response, you may raise the matter with the financial regulator or a local financial consumer dispute mediation body.',
    'zh-CN': '如您对本答复不满意，可向金融监督管理部门或当地金融消费纠纷调解组织反映。',
  },
};

/** The paragraphs of an event letter; the referral is written in, not merged. */
export function middleOf(type: EventType, preset: PresetId, lang: Lang): string {
  return MIDDLES[type][lang].replace('{{referral}}', REFERRAL[preset][lang]);
}

export const EVENT_TYPES: readonly EventType[] = Object.keys(MIDDLES) as EventType[];
