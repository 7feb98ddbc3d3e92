/** Templates named for people: what the letter is for, its kind and language — never its raw id. */
import type { TFunction } from 'i18next';
import type { TemplateSummary } from '../../../common/api/types';
import { LETTER_TYPES } from '../../../common/domain/templates/letters/types';

const KIND_ORDER: TemplateSummary['kind'][] = ['letter', 'sms', 'email'];

export function templateLabel(x: TemplateSummary, t: TFunction): string {
  const what = x.kind === 'letter' ? t(`mailing.types.${x.letterType}`) : t('mailing.message');
  return `${what} · ${t(`letters.kind.${x.kind}`)} · ${t(`languages.${x.language}`)}`;
}

/** Letters first (in the order of LETTER_TYPES), then texts and e-mails; the borrower's language first within each. */
export function sortTemplates(list: readonly TemplateSummary[], borrowerLang: string): TemplateSummary[] {
  return [...list].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      LETTER_TYPES.indexOf(a.letterType) - LETTER_TYPES.indexOf(b.letterType) ||
      Number(b.language === borrowerLang) - Number(a.language === borrowerLang),
  );
}
