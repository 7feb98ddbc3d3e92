/**
 * The opening and closing every event letter of a preset shares, in each language: the same
 * disclosures and contact lines as the preset's collection letter (US: "a debt collector … attempt
 * to collect a debt"; UK: private and confidential; CN: every element of the 2026 guideline).
 * The letter type's own paragraphs go between them.
 */
import type { Lang, PresetId } from '../../guardrails/types';

interface Frame {
  opening: string;
  closing: string;
}

const US_EN: Frame = {
  opening: `Reference: {{caseReference}}

Dear {{borrowerName}},

{{agencyName}} is a debt collector. This is an attempt to collect a debt that you owe to {{lenderName}}, and any information we obtain will be used for that purpose.`,
  closing: `How to pay: {{repaymentMethod}}
How to dispute all or part of the debt: {{disputeMethod}}
How to check your account: {{accountCheckMethod}}
Call us at {{agencyPhone}}. You can also reach {{lenderName}} at {{lenderPhone}}.
Complaints: {{complaintChannel}}`,
};

const US_ZH: Frame = {
  opening: `编号：{{caseReference}}

尊敬的{{borrowerName}}：

{{agencyName}}是债务催收方。这是试图收取债务的通信，涉及您欠{{lenderName}}的款项，我们获得的任何信息都将用于此目的。`,
  closing: `还款方式：{{repaymentMethod}}
如对全部或部分债务有异议：{{disputeMethod}}
账户查询方式：{{accountCheckMethod}}
联系电话：{{agencyPhone}}；{{lenderName}}联系电话：{{lenderPhone}}
投诉渠道：{{complaintChannel}}`,
};

const UK_EN: Frame = {
  opening: `PRIVATE AND CONFIDENTIAL
To be opened by the addressee only

Our reference: {{caseReference}}

Dear {{borrowerName}},

We are writing on behalf of {{lenderName}} about your account.`,
  closing: `If you are finding it hard to pay, please talk to us: we will look at what you can afford. Free, independent debt advice is available from MoneyHelper.

How to pay: {{repaymentMethod}}
If you think the balance is wrong: {{disputeMethod}}
How to check your account: {{accountCheckMethod}}
{{agencyName}}: {{agencyPhone}}. {{lenderName}}: {{lenderPhone}}.
How to complain: {{complaintChannel}}`,
};

const UK_ZH: Frame = {
  opening: `私密且保密
仅限收件人本人拆阅

编号：{{caseReference}}

尊敬的{{borrowerName}}：

我们代表{{lenderName}}就您的账户与您联系。`,
  closing: `如您还款有困难，请与我们沟通：我们会根据您的负担能力与您商量方案。您也可以向 MoneyHelper 获取免费、独立的债务咨询。

还款方式：{{repaymentMethod}}
如认为欠款有误：{{disputeMethod}}
账户查询方式：{{accountCheckMethod}}
{{agencyName}}：{{agencyPhone}}；{{lenderName}}：{{lenderPhone}}
投诉方式：{{complaintChannel}}`,
};

const CN_ZH: Frame = {
  opening: `案件编号：{{caseReference}}

尊敬的{{borrowerName}}：

受{{lenderName}}委托，{{agencyName}}就您在{{lenderName}}的逾期借款与您联系。`,
  closing: `您的权利与义务：您有权了解欠款构成并提出异议；您有义务按借款合同约定履行还款责任。
账户查询方式：{{accountCheckMethod}}
还款方式：{{repaymentMethod}}（请仅向出借方指定的收款账户还款）
异议方式：{{disputeMethod}}
催收机构：{{agencyName}}，联系电话：{{agencyPhone}}
出借方：{{lenderName}}，联系电话：{{lenderPhone}}
投诉渠道：{{complaintChannel}}`,
};

const CN_EN: Frame = {
  opening: `Case reference: {{caseReference}}

Dear {{borrowerName}},

{{agencyName}} writes to you on behalf of {{lenderName}} about your overdue loan with {{lenderName}}.`,
  closing: `Your rights and obligations: you may ask how the balance is made up and dispute it; you remain responsible for repaying under your loan agreement.
How to check your account: {{accountCheckMethod}}
How to repay: {{repaymentMethod}} (pay only into the lender's designated account)
How to dispute: {{disputeMethod}}
Agency: {{agencyName}}, phone {{agencyPhone}}
Lender: {{lenderName}}, phone {{lenderPhone}}
Complaints: {{complaintChannel}}`,
};

const FRAMES: Record<PresetId, Record<Lang, Frame>> = {
  'us-regf': { en: US_EN, 'zh-CN': US_ZH },
  'uk-conc': { en: UK_EN, 'zh-CN': UK_ZH },
  cn: { en: CN_EN, 'zh-CN': CN_ZH },
};

/** Opening, the letter's own paragraphs, closing: one letter body. */
export function framed(preset: PresetId, lang: Lang, middle: string): string {
  const f = FRAMES[preset][lang];
  return `${f.opening}\n\n${middle}\n\n${f.closing}`;
}
