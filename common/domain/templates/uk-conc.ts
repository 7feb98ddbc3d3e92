import type { MessageTemplate } from './types';

/** CONC 7: letters marked private and confidential; texts and e-mails say nothing a third party should not read. */
export const UK_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'uk-conc.letter.en',
    preset: 'uk-conc',
    kind: 'letter',
    lang: 'en',
    body: `PRIVATE AND CONFIDENTIAL
To be opened by the addressee only

{{borrowerName}}
Our reference: {{caseReference}}

Dear {{borrowerName}},

We are writing on behalf of {{lenderName}} about your account, which is in arrears. As of {{dueDate}} the balance is {{balance}} (principal {{principal}}, interest {{interest}}, default charges {{penalty}}, fees {{fees}}).

If you are finding it hard to pay, please talk to us: we will look at what you can afford and discuss the options with you. Free, independent debt advice is available from MoneyHelper.

How to pay: {{repaymentMethod}}
If you think the balance is wrong: {{disputeMethod}}
How to check your account: {{accountCheckMethod}}
{{agencyName}}: {{agencyPhone}}. {{lenderName}}: {{lenderPhone}}.
How to complain: {{complaintChannel}}`,
  },
  {
    id: 'uk-conc.letter.zh-CN',
    preset: 'uk-conc',
    kind: 'letter',
    lang: 'zh-CN',
    body: `私密且保密
仅限收件人本人拆阅

{{borrowerName}}
编号：{{caseReference}}

尊敬的{{borrowerName}}：

我们代表{{lenderName}}就您的账户与您联系，该账户目前有欠款未还。截至{{dueDate}}，欠款为{{balance}}（本金{{principal}}，利息{{interest}}，违约费用{{penalty}}，费用{{fees}}）。

如您还款有困难，请与我们沟通：我们会根据您的负担能力与您商量可行的方案。您也可以向 MoneyHelper 获取免费、独立的债务咨询。

还款方式：{{repaymentMethod}}
如认为欠款有误：{{disputeMethod}}
账户查询方式：{{accountCheckMethod}}
{{agencyName}}：{{agencyPhone}}；{{lenderName}}：{{lenderPhone}}
投诉方式：{{complaintChannel}}`,
  },
  {
    id: 'uk-conc.sms.en',
    preset: 'uk-conc',
    kind: 'sms',
    lang: 'en',
    body: 'Hello {{borrowerName}}, please contact {{agencyName}} on {{agencyPhone}} about your {{lenderName}} account (ref {{caseReference}}). To complain: {{complaintChannel}}.',
  },
  {
    id: 'uk-conc.sms.zh-CN',
    preset: 'uk-conc',
    kind: 'sms',
    lang: 'zh-CN',
    body: '{{borrowerName}}您好，请致电{{agencyPhone}}联系{{agencyName}}，了解您在{{lenderName}}的账户（编号{{caseReference}}）。投诉方式：{{complaintChannel}}。',
  },
  {
    id: 'uk-conc.email.en',
    preset: 'uk-conc',
    kind: 'email',
    lang: 'en',
    subject: 'Your {{lenderName}} account (ref {{caseReference}})',
    body: `Dear {{borrowerName}},

We are writing on behalf of {{lenderName}}. As of {{dueDate}} the balance on your account is {{balance}}.

If you are finding it hard to pay, please talk to us on {{agencyPhone}}: we will look at what you can afford. Free, independent debt advice is available from MoneyHelper.

How to pay: {{repaymentMethod}}
If you think the balance is wrong: {{disputeMethod}}
How to check your account: {{accountCheckMethod}}
How to complain: {{complaintChannel}}`,
  },
  {
    id: 'uk-conc.email.zh-CN',
    preset: 'uk-conc',
    kind: 'email',
    lang: 'zh-CN',
    subject: '您在{{lenderName}}的账户（编号{{caseReference}}）',
    body: `尊敬的{{borrowerName}}：

我们代表{{lenderName}}与您联系。截至{{dueDate}}，您账户的欠款为{{balance}}。

如您还款有困难，请致电{{agencyPhone}}与我们沟通：我们会根据您的负担能力与您商量方案。您也可以向 MoneyHelper 获取免费、独立的债务咨询。

还款方式：{{repaymentMethod}}
如认为欠款有误：{{disputeMethod}}
账户查询方式：{{accountCheckMethod}}
投诉方式：{{complaintChannel}}`,
  },
];
