import type { MessageTemplate } from './types';

/** 中国预设：催收函须载明《催收工作指引》要求的全部要素。 */
export const CN_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'cn.letter.zh-CN',
    preset: 'cn',
    kind: 'letter',
    lang: 'zh-CN',
    body: `案件编号：{{caseReference}}

尊敬的{{borrowerName}}：

您在{{lenderName}}的借款已逾期未还。受{{lenderName}}委托，{{agencyName}}就该笔借款与您联系。截至{{dueDate}}，您的欠款金额为{{balance}}，其中本金{{principal}}、利息{{interest}}、罚息{{penalty}}、费用{{fees}}。

您的权利与义务：您有权了解欠款构成并提出异议；您有义务按借款合同约定履行还款责任。
账户查询方式：{{accountCheckMethod}}
还款方式：{{repaymentMethod}}（请仅向出借方指定的收款账户还款）
异议方式：{{disputeMethod}}
催收机构：{{agencyName}}，联系电话：{{agencyPhone}}
出借方：{{lenderName}}，联系电话：{{lenderPhone}}
投诉渠道：{{complaintChannel}}`,
  },
  {
    id: 'cn.letter.en',
    preset: 'cn',
    kind: 'letter',
    lang: 'en',
    body: `Case reference: {{caseReference}}

Dear {{borrowerName}},

Your loan with {{lenderName}} is overdue. {{agencyName}} writes to you on behalf of {{lenderName}} about it. As of {{dueDate}} the balance is {{balance}}: principal {{principal}}, interest {{interest}}, penalty interest {{penalty}}, fees {{fees}}.

Your rights and obligations: you may ask how the balance is made up and dispute it; you remain responsible for repaying under your loan agreement.
How to check your account: {{accountCheckMethod}}
How to repay: {{repaymentMethod}} (pay only into the lender's designated account)
How to dispute: {{disputeMethod}}
Agency: {{agencyName}}, phone {{agencyPhone}}
Lender: {{lenderName}}, phone {{lenderPhone}}
Complaints: {{complaintChannel}}`,
  },
  {
    id: 'cn.sms.zh-CN',
    preset: 'cn',
    kind: 'sms',
    lang: 'zh-CN',
    body: '【{{agencyName}}】{{borrowerName}}您好，受{{lenderName}}委托提醒：您的借款（{{caseReference}}）已逾期，当前欠款{{balance}}。还款方式：{{repaymentMethod}}。如有疑问或异议请致电{{agencyPhone}}；投诉渠道：{{complaintChannel}}。',
  },
  {
    id: 'cn.sms.en',
    preset: 'cn',
    kind: 'sms',
    lang: 'en',
    body: '[{{agencyName}}] Dear {{borrowerName}}, on behalf of {{lenderName}}: your loan {{caseReference}} is overdue, balance {{balance}}. How to repay: {{repaymentMethod}}. Questions or disputes: {{agencyPhone}}. Complaints: {{complaintChannel}}.',
  },
  {
    id: 'cn.email.zh-CN',
    preset: 'cn',
    kind: 'email',
    lang: 'zh-CN',
    subject: '{{lenderName}}借款还款提醒（{{caseReference}}）',
    body: `尊敬的{{borrowerName}}：

受{{lenderName}}委托，{{agencyName}}提醒您：您的借款已逾期，截至{{dueDate}}欠款金额为{{balance}}（本金{{principal}}、利息{{interest}}、罚息{{penalty}}、费用{{fees}}）。

账户查询方式：{{accountCheckMethod}}
还款方式：{{repaymentMethod}}
异议方式：{{disputeMethod}}
联系电话：{{agencyPhone}}（{{agencyName}}），{{lenderPhone}}（{{lenderName}}）
投诉渠道：{{complaintChannel}}`,
  },
  {
    id: 'cn.email.en',
    preset: 'cn',
    kind: 'email',
    lang: 'en',
    subject: 'Payment reminder from {{lenderName}} ({{caseReference}})',
    body: `Dear {{borrowerName}},

On behalf of {{lenderName}}, {{agencyName}} reminds you that your loan is overdue. As of {{dueDate}} the balance is {{balance}} (principal {{principal}}, interest {{interest}}, penalty interest {{penalty}}, fees {{fees}}).

How to check your account: {{accountCheckMethod}}
How to repay: {{repaymentMethod}}
How to dispute: {{disputeMethod}}
Phone: {{agencyPhone}} ({{agencyName}}), {{lenderPhone}} ({{lenderName}})
Complaints: {{complaintChannel}}`,
  },
];
