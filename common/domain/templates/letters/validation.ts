/**
 * The US validation notice, laid out as the Regulation F model form (12 CFR 1006.34(d)(2), form
 * B-1): who we are, the itemization from the itemization date to today, how to dispute by the end
 * of the validation period, what else the consumer can do, and the response form. Payments and
 * credits are on lines of their own. The zh-CN text is a courtesy translation of the same form.
 */
import type { MessageTemplate } from '../types';

const EN = `Reference: {{caseReference}}

{{agencyName}} is a debt collector. We are attempting to collect a debt that you owe to {{lenderName}}. We will use any information you give us to help collect the debt.

Our information shows:
You have an account with {{lenderName}} with account number {{caseReference}}.

As of {{itemizationDate}}, you owed: {{itemizationAmount}}
Between {{itemizationDate}} and today:
You were charged this amount in interest: + {{interestSince}}
You were charged this amount in fees: + {{feesSince}}
You paid this amount toward the debt: - {{paymentsSince}}
You were credited this amount toward the debt: - {{creditsSince}}
Total amount of the debt now: {{balance}}

How can you dispute the debt?
- Call or write to us by {{validationEndDate}} to dispute all or part of the debt. If you do not, we will assume that our information is correct.
- If you write to us by {{validationEndDate}}, we must stop collection on any amount you dispute until we send you information that shows you owe the debt. You may use the form below or write to us without the form. You may also include supporting documents.

What else can you do?
- Write to ask for the name and address of the original creditor, if different from the current creditor. If you write by {{validationEndDate}}, we must stop collection until we send you that information. You may use the form below or write to us without the form.
- Go to www.cfpb.gov/debt-collection to learn more about your rights under federal law.
- Contact us about your payment options: {{repaymentMethod}}
- Call us at {{agencyPhone}} or write to us at {{agencyName}}, {{agencyAddress}}. Complaints: {{complaintChannel}}

------------------------------------------------------------
How do you want to respond?
Check all that apply:
I want to dispute the debt because I think:
[ ] This is not my debt.
[ ] The amount is wrong.
[ ] Other (please describe on reverse or attach additional information).
[ ] I want you to send me the name and address of the original creditor.
[ ] I enclosed this amount: ____________
Make your payment payable to {{agencyName}}. Include the reference number {{caseReference}}.
Mail this form to: {{agencyName}}, {{agencyAddress}}
Name and address: {{borrowerName}}`;

const ZH = `编号：{{caseReference}}

{{agencyName}}是债务催收方。这是试图收取债务的通信，涉及您欠{{lenderName}}的款项。您提供给我们的任何信息都将用于协助收取该债务。

我们的记录显示：
您在{{lenderName}}有一个账户，账号为{{caseReference}}。

截至{{itemizationDate}}，您的欠款为：{{itemizationAmount}}
自{{itemizationDate}}至今：
产生的利息：+ {{interestSince}}
产生的费用：+ {{feesSince}}
您已偿还的金额：- {{paymentsSince}}
计入您账户的减免金额：- {{creditsSince}}
目前的债务总额：{{balance}}

如何对债务提出异议？
- 请在{{validationEndDate}}前致电或致函我们，对全部或部分债务提出异议。如您未提出，我们将认为我们的信息正确。
- 如您在{{validationEndDate}}前书面提出异议，在我们寄出证明您欠款的材料之前，我们将停止收取有异议的金额。您可以使用下方表格，也可以不用表格直接致函，并可附上证明材料。

您还可以：
- 致函索取原始债权人的名称和地址（如与现债权人不同）。如您在{{validationEndDate}}前致函，在我们寄出该信息之前，我们将停止收取。
- 访问 www.cfpb.gov/debt-collection 了解您依据美国联邦法律享有的权利。
- 与我们联系了解还款方式：{{repaymentMethod}}
- 致电{{agencyPhone}}，或致函{{agencyName}}，{{agencyAddress}}。投诉渠道：{{complaintChannel}}

------------------------------------------------------------
您希望如何回复？（可多选）
我要对债务提出异议，因为我认为：
[ ] 这不是我的债务。
[ ] 金额有误。
[ ] 其他（请在背面说明或附上材料）。
[ ] 请寄给我原始债权人的名称和地址。
[ ] 随附金额：____________
请将款项付给{{agencyName}}，并注明编号{{caseReference}}。
请将本表寄至：{{agencyName}}，{{agencyAddress}}
姓名及地址：{{borrowerName}}`;

export const US_VALIDATION_NOTICES: readonly MessageTemplate[] = [
  { id: 'us-regf.validation-notice.en', preset: 'us-regf', kind: 'letter', lang: 'en', letter: 'validation_notice', body: EN },
  { id: 'us-regf.validation-notice.zh-CN', preset: 'us-regf', kind: 'letter', lang: 'zh-CN', letter: 'validation_notice', body: ZH },
];
