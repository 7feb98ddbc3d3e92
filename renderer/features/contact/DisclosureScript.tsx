/** The preset's mandatory opening: read the script (cn, us-regf) or pass ID&V (uk-conc), then tick. */
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../common/api/types';
import { disclosureKind } from './contactRules';

export function DisclosureScript({
  preset,
  lender,
  collector,
  checked,
  onChange,
}: {
  preset: PresetId;
  lender: string;
  collector: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  const { t } = useTranslation();
  const kind = disclosureKind(preset);
  return (
    <div className="disclosure field-wide" data-testid="disclosure">
      <p className="disclosure-label">{kind === 'idv' ? t('disclosure.idvTitle') : t('disclosure.title')}</p>
      <blockquote className="disclosure-script" lang={preset === 'cn' ? 'zh-CN' : 'en'}>
        {t(`disclosure.script.${preset}`, { lender, collector, agency: t('disclosure.agency') })}
      </blockquote>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid="disclosure-confirmed" />
        <span>{kind === 'idv' ? t('disclosure.idvConfirm') : t('disclosure.confirm')}</span>
      </label>
    </div>
  );
}
