/** One case: header, contactability, borrower, money, terms, commitments, timeline, log contact. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCase } from './caseStore';
import { useNavigation } from '../../stores/navigation';
import { useHotkeys } from '../../app/hotkeys';
import { errorText } from '../../app/errors';
import { formatInstant } from '../../app/format';
import { FlagBadges } from '../../components/FlagBadges';
import { BorrowerPanel } from './BorrowerPanel';
import { BalancePanel } from './BalancePanel';
import { PlacementPanel } from './PlacementPanel';
import { ContactabilityBanner } from './ContactabilityBanner';
import { Timeline } from './Timeline';
import { CommitmentsPanel } from '../promises/CommitmentsPanel';
import { LogContactPanel } from '../contact/LogContactPanel';
import { useContact } from '../contact/contactStore';
import { ACTION_KEYS, CaseActionBar, CaseDialogHost, actionEnabled } from './CaseActions';
import { useCaseDialogs, type CaseDialog } from '../../stores/caseDialogs';
import { CaseCallbacks } from '../dayloop/CaseCallbacks';

export function CaseView({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const detail = useCase((s) => s.detail);
  const loading = useCase((s) => s.loading);
  const error = useCase((s) => s.error);
  const open = useCase((s) => s.open);
  const refresh = useCase((s) => s.refresh);
  const close = useCase((s) => s.close);
  const backToQueue = useNavigation((s) => s.backToQueue);
  const contactOpen = useContact((s) => s.open);
  const setContactOpen = useContact((s) => s.setOpen);

  useEffect(() => {
    void open(caseId);
    return () => close();
  }, [caseId, open, close]);

  useEffect(() => {
    if (detail && useContact.getState().caseId !== detail.id) useContact.getState().reset(detail);
  }, [detail]);

  useEffect(
    () => () => {
      setContactOpen(false);
      useCaseDialogs.getState().close();
    },
    [setContactOpen],
  );
  const logButton = useRef<HTMLButtonElement>(null);

  const closed = detail?.status === 'closed' || detail?.status === 'recalled';

  const dialogKeys = Object.fromEntries(
    (Object.entries(ACTION_KEYS) as [CaseDialog, string][]).map(([action, key]) => [
      key,
      () => {
        if (detail && actionEnabled(detail, action)) useCaseDialogs.getState().show(action);
      },
    ]),
  );
  useHotkeys({
    ...dialogKeys,
    // Esc closes the open panel first, so a half-written contact is not lost by one key.
    Escape: () => {
      if (useContact.getState().open) {
        setContactOpen(false);
        logButton.current?.focus();
      } else backToQueue();
    },
    c: () => {
      if (detail && !closed) setContactOpen(true);
    },
    r: () => void refresh(),
  });

  if (!detail) {
    return (
      <section className="case" data-testid="case-view" data-case-id={caseId} aria-busy={loading}>
        <div className="case-header">
          <button type="button" className="btn" onClick={backToQueue}>
            ← {t('case.back')} <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
        {error ? (
          <div className="banner banner-error" role="alert">
            {errorText(error, t)}{' '}
            <button type="button" className="btn btn-small" onClick={() => void open(caseId)}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <p className="muted pad">{t('common.loading')}</p>
        )}
      </section>
    );
  }

  return (
    <section className="case" data-testid="case-view" data-case-id={detail.id} aria-labelledby="case-heading" aria-busy={loading}>
      <div className="case-header">
        <button type="button" className="btn" onClick={backToQueue} data-testid="back-to-queue">
          ← {t('case.back')} <kbd aria-hidden="true">Esc</kbd>
        </button>
        <h1 id="case-heading" className="case-ref" data-testid="case-reference">
          {detail.reference}
        </h1>
        <span className={`status status-${detail.status}`} data-testid="case-status">
          {t(`status.${detail.status}`)}
        </span>
        {detail.outcome ? <span className="badge badge-muted">{t(`caseOutcome.${detail.outcome}`)}</span> : null}
        <FlagBadges flags={detail.flags} />
        <span className="case-meta muted small">
          {detail.assignee ? t('case.assignee', { name: detail.assignee.displayName }) : t('case.unassigned')}
          {detail.nextActionAt ? ` · ${t('case.nextAction', { when: formatInstant(detail.nextActionAt, i18n.language) })}` : ''}
          {detail.nextActionNote ? ` — ${detail.nextActionNote}` : ''}
        </span>
        <div className="toolbar-spacer" />
        <button
          ref={logButton}
          type="button"
          className="btn btn-primary"
          onClick={() => setContactOpen(!contactOpen)}
          disabled={closed}
          aria-expanded={contactOpen}
          data-testid="open-log-contact"
        >
          {t('contact.open')} <kbd aria-hidden="true">c</kbd>
        </button>
      </div>
      {detail.recalledAt ? (
        <div className="banner banner-error" role="alert">
          {t('case.recalled', { when: formatInstant(detail.recalledAt, i18n.language, { full: true }) })}
        </div>
      ) : null}
      <CaseActionBar detail={detail} />
      <CaseCallbacks detail={detail} />
      <ContactabilityBanner detail={detail} />
      <div className="case-body">
        <div className="case-col case-col-facts">
          <BorrowerPanel detail={detail} />
          <BalancePanel detail={detail} />
          <CommitmentsPanel detail={detail} />
          <PlacementPanel detail={detail} />
        </div>
        <div className="case-col case-col-work">
          {contactOpen ? (
            <LogContactPanel
              detail={detail}
              onClose={() => {
                setContactOpen(false);
                logButton.current?.focus();
              }}
              onLogged={() => {
                setContactOpen(false);
                logButton.current?.focus();
                void refresh();
              }}
            />
          ) : null}
          <Timeline items={detail.timeline} />
        </div>
      </div>
      <CaseDialogHost detail={detail} />
    </section>
  );
}
