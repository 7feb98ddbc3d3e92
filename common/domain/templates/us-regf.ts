import type { MessageTemplate } from './types';

/** Reg F: every template carries the full debt-collector disclosure; texts and e-mails an opt-out. */
export const US_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'us-regf.letter.en',
    preset: 'us-regf',
    kind: 'letter',
    lang: 'en',
    body: `{{agencyName}}
Reference: {{caseReference}}

Dear {{borrowerName}},

{{agencyName}} is a debt collector. This is an attempt to collect a debt that you owe to {{lenderName}}, and any information we obtain will be used for that purpose.

As of {{dueDate}}, you owe {{balance}}: principal {{principal}}, interest {{interest}}, late charges {{penalty}}, fees {{fees}}.

How to pay: {{repaymentMethod}}
How to dispute all or part of the debt: {{disputeMethod}}
How to check your account: {{accountCheckMethod}}
Call us at {{agencyPhone}}. You can also reach {{lenderName}} at {{lenderPhone}}.
Complaints: {{complaintChannel}}`,
  },
  {
    id: 'us-regf.letter.zh-CN',
    preset: 'us-regf',
    kind: 'letter',
    lang: 'zh-CN',
    body: `{{agencyName}}
编号：{{caseReference}}

尊敬的{{borrowerName}}：

{{agencyName}}是债务催收方。这是试图收取债务的通信，涉及您欠{{lenderName}}的款项，我们获得的任何信息都将用于此目的。

截至{{dueDate}}，您的欠款为{{balance}}：本金{{principal}}，利息{{interest}}，滞纳金{{penalty}}，费用{{fees}}。

还款方式：{{repaymentMethod}}
如对全部或部分债务有异议：{{disputeMethod}}
账户查询方式：{{accountCheckMethod}}
联系电话：{{agencyPhone}}；{{lenderName}}联系电话：{{lenderPhone}}
投诉渠道：{{complaintChannel}}`,
  },
  {
    id: 'us-regf.sms.en',
    preset: 'us-regf',
    kind: 'sms',
    lang: 'en',
    body: '{{borrowerName}}, this is {{agencyName}}, a debt collector, about your {{lenderName}} account {{caseReference}}. This is an attempt to collect a debt; any information obtained will be used for that purpose. Balance: {{balance}}. Pay: {{repaymentMethod}}. Questions or complaints: {{agencyPhone}}, {{complaintChannel}}. {{optOut}}',
  },
  {
    id: 'us-regf.sms.zh-CN',
    preset: 'us-regf',
    kind: 'sms',
    lang: 'zh-CN',
    body: '{{borrowerName}}您好，这里是债务催收方{{agencyName}}，就您在{{lenderName}}的账户（{{caseReference}}）与您联系。这是试图收取债务的通信，所获信息将用于此目的。欠款：{{balance}}。还款方式：{{repaymentMethod}}。疑问或投诉：{{agencyPhone}}，{{complaintChannel}}。{{optOut}}',
  },
  {
    id: 'us-regf.email.en',
    preset: 'us-regf',
    kind: 'email',
    lang: 'en',
    subject: 'Your {{lenderName}} account {{caseReference}}',
    body: `Dear {{borrowerName}},

{{agencyName}} is a debt collector. This is an attempt to collect a debt, and any information obtained will be used for that purpose.

As of {{dueDate}}, the balance on your {{lenderName}} account is {{balance}} (principal {{principal}}, interest {{interest}}, late charges {{penalty}}, fees {{fees}}).

How to pay: {{repaymentMethod}}
How to dispute the debt: {{disputeMethod}}
How to check your account: {{accountCheckMethod}}
Phone: {{agencyPhone}}; {{lenderName}}: {{lenderPhone}}
Complaints: {{complaintChannel}}

{{optOut}}`,
  },
  {
    id: 'us-regf.email.zh-CN',
    preset: 'us-regf',
    kind: 'email',
    lang: 'zh-CN',
    subject: '您在{{lenderName}}的账户（{{caseReference}}）',
    body: `尊敬的{{borrowerName}}：

{{agencyName}}是债务催收方。这是试图收取债务的通信，所获信息将用于此目的。

截至{{dueDate}}，您在{{lenderName}}的账户欠款为{{balance}}（本金{{principal}}，利息{{interest}}，滞纳金{{penalty}}，费用{{fees}}）。

还款方式：{{repaymentMethod}}
异议方式：{{disputeMethod}}
账户查询方式：{{accountCheckMethod}}
联系电话：{{agencyPhone}}；{{lenderName}}：{{lenderPhone}}
投诉渠道：{{complaintChannel}}

{{optOut}}`,
  },
];
