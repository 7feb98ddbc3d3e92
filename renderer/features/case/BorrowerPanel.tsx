/** The borrower and their contact points, masked by default; each field can be revealed with a reason. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ContactPointView } from '../../../common/api/types';
import { useCase, revealKey, type RevealField } from './caseStore';
import { RevealDialog, type RevealTarget } from './RevealDialog';
import { LocalClock } from './LocalClock';
import { contactHref } from '../dayloop/contactHref';

function MaskedValue({
  value,
  revealed,
  label,
  field,
  contactPointId,
  href,
  onReveal,
}: {
  value: string;
  revealed: string | undefined;
  label: string;
  field: RevealField;
  contactPointId?: string;
  /** Once revealed, the value is this link (tel: or mailto:), which the desktop shell hands to the OS. */
  href?: string | null;
  onReveal(target: RevealTarget): void;
}) {
  const { t } = useTranslation();
  const valueRef = useRef<HTMLSpanElement>(null);
  const wasRevealed = useRef(revealed !== undefined);
  // The Reveal button disappears once used: keep the keyboard on the value it revealed.
  useEffect(() => {
    if (revealed !== undefined && !wasRevealed.current) valueRef.current?.focus();
    wasRevealed.current = revealed !== undefined;
  }, [revealed]);
  return (
    <span className="masked">
      <span ref={valueRef} tabIndex={revealed ? -1 : undefined} className={revealed ? 'masked-value is-revealed' : 'masked-value'} data-testid={`value-${field}`}>
        {revealed && href ? (
          <a href={href} data-testid="contact-link">
            {revealed}
          </a>
        ) : (
          (revealed ?? value)
        )}
      </span>
      {revealed ? (
        <span className="badge badge-muted">{t('reveal.shown')}</span>
      ) : (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={() => onReveal({ field, label, ...(contactPointId ? { contactPointId } : {}) })}
          aria-label={t('reveal.button', { field: label })}
          data-testid={`reveal-${field}`}
        >
          {t('reveal.action')}
        </button>
      )}
    </span>
  );
}

function ContactPointRow({ cp, onReveal }: { cp: ContactPointView; onReveal(target: RevealTarget): void }) {
  const { t } = useTranslation();
  const revealed = useCase((s) => s.revealed[revealKey('contactPoint', cp.id)]);
  const label = `${t(`contactKind.${cp.kind}`)} · ${t(`party.${cp.party}`)}`;
  return (
    <li className={`cp${cp.invalid ? ' cp-invalid' : ''}`} data-testid="contact-point">
      <div className="cp-head">
        <span className="cp-kind">{t(`contactKind.${cp.kind}`)}</span>
        <span className={`badge ${cp.party === 'borrower' ? 'badge-muted' : 'badge-care'}`}>{t(`party.${cp.party}`)}</span>
        {cp.relation && cp.relation !== 'self' ? <span className="muted small">{t(`relation.${cp.relation}`, { defaultValue: cp.relation })}</span> : null}
        {cp.label ? <span className="muted small">{cp.label}</span> : null}
      </div>
      <MaskedValue value={cp.value} revealed={revealed} label={label} field="contactPoint" contactPointId={cp.id} href={revealed ? contactHref(cp.kind, revealed) : null} onReveal={onReveal} />
      <div className="cp-flags">
        {cp.invalid ? <span className="badge badge-severe">{t('contactPoint.invalid')}</span> : null}
        {cp.workplaceProhibited ? <span className="badge badge-severe">{t('contactPoint.workplaceProhibited')}</span> : null}
        {cp.optOuts.map((c) => (
          <span key={c} className="badge badge-severe">
            {t('contactPoint.optOut', { channel: t(`channel.${c}`) })}
          </span>
        ))}
      </div>
    </li>
  );
}

export function BorrowerPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const revealed = useCase((s) => s.revealed);
  const [target, setTarget] = useState<RevealTarget | null>(null);
  const b = detail.borrower;
  return (
    <section className="panel" aria-labelledby="borrower-heading" data-testid="borrower-panel">
      <h2 id="borrower-heading" className="panel-title">
        {t('case.borrower.title')}
      </h2>
      <dl className="facts">
        <dt>{t('case.borrower.name')}</dt>
        <dd>
          <MaskedValue value={b.name} revealed={revealed.name} label={t('case.borrower.name')} field="name" onReveal={setTarget} />
        </dd>
        <dt>{t('case.borrower.nationalId')}</dt>
        <dd>
          <MaskedValue value={b.nationalId} revealed={revealed.nationalId} label={t('case.borrower.nationalId')} field="nationalId" onReveal={setTarget} />
        </dd>
        <dt>{t('case.borrower.address')}</dt>
        <dd>
          <MaskedValue value={b.address} revealed={revealed.address} label={t('case.borrower.address')} field="address" onReveal={setTarget} />
        </dd>
        <dt>{t('case.borrower.localTime')}</dt>
        <dd>
          <LocalClock zones={b.timezones.length > 0 ? b.timezones : [detail.placement.defaultTimezone]} />
        </dd>
        {b.vulnerabilities.length > 0 ? (
          <>
            <dt>{t('case.borrower.vulnerabilities')}</dt>
            <dd>
              <span className="badges">
                {b.vulnerabilities.map((v) => (
                  <span key={v} className="badge badge-care">
                    {t(`vulnerability.${v}`, { defaultValue: v })}
                  </span>
                ))}
              </span>
            </dd>
          </>
        ) : null}
      </dl>
      <h3 className="panel-subtitle">{t('case.borrower.contactPoints')}</h3>
      {detail.contactPoints.length === 0 ? (
        <p className="muted">{t('case.borrower.noContactPoints')}</p>
      ) : (
        <ul className="cp-list">
          {detail.contactPoints.map((cp) => (
            <ContactPointRow key={cp.id} cp={cp} onReveal={setTarget} />
          ))}
        </ul>
      )}
      {target ? <RevealDialog target={target} onClose={() => setTarget(null)} /> : null}
    </section>
  );
}
