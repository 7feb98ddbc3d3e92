/**
 * Letters and messages: pick a lender-approved template (named by what it is for) → see it merged
 * with the case, with the language check's findings highlighted and the guardrail decision → (letters)
 * a draft PDF before sending → send → (letters) the PDF as sent.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Channel, Decision, LetterPreview, TemplateSummary } from '../../../common/api/types';
import { Dialog } from '../../components/Dialog';
import { DecisionPanel } from '../../components/DecisionPanel';
import { useAction } from '../../components/useAction';
import { call, refusal, toApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { currentLanguage, languageFromLocale } from '../../app/i18n';
import { contactPointsFor, defaultContactPoint } from '../contact/contactRules';
import { afterChange } from '../case/afterChange';
import { segments } from './highlight';
import { downloadBase64 } from './download';
import { sortTemplates, templateLabel } from './templateNames';

const CHANNEL_OF: Record<TemplateSummary['kind'], Channel> = { letter: 'letter', sms: 'sms', email: 'email' };

export function LetterDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string>('');
  const [contactPointId, setContactPointId] = useState<string | null>(null);
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Decision | null>(null);
  const [sentActivity, setSentActivity] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const template = templates?.find((x) => x.id === templateId) ?? null;
  const channel = template ? CHANNEL_OF[template.kind] : 'letter';
  const points = contactPointsFor(channel, detail.contactPoints);

  // The letter goes to the borrower: default to a letter in the borrower's language.
  const borrowerLang = languageFromLocale(detail.borrower.locale) ?? lang;
  useEffect(() => {
    call((a) => a.letters.templates({ caseId: detail.id }))
      .then((list) => {
        const sorted = sortTemplates(list, borrowerLang);
        setTemplates(sorted);
        const preferred = sorted.find((x) => x.language === borrowerLang) ?? sorted[0];
        if (preferred) setTemplateId(preferred.id);
      })
      .catch((err: unknown) => setLoadError(errorText(toApiError(err).body, t)));
  }, [detail.id, borrowerLang, t]);

  useEffect(() => {
    if (template) setContactPointId(defaultContactPoint(CHANNEL_OF[template.kind], detail.contactPoints));
  }, [template, detail.contactPoints]);

  useEffect(() => {
    if (!templateId) return;
    let live = true;
    setPreview(null);
    setRefused(null);
    setPreviewError(null);
    call((a) => a.letters.preview({ caseId: detail.id, templateId, contactPointId }))
      .then((p) => live && setPreview(p))
      .catch((err: unknown) => live && setPreviewError(errorText(toApiError(err).body, t)));
    return () => {
      live = false;
    };
  }, [detail.id, templateId, contactPointId, t]);

  const send = useAction(async () => {
    try {
      const result = await call((a) => a.letters.send({ caseId: detail.id, templateId, contactPointId }));
      if (result.activityId === null) {
        setRefused(result.decision);
        return;
      }
      setSentActivity(result.activityId);
      await afterChange(t('letters.sent'));
      if (channel !== 'letter') onClose();
    } catch (err) {
      const r = refusal(err);
      if (r) setRefused(r.decision);
      else throw err;
    }
  });

  const draft = useAction(async () => {
    const file = await call((a) => a.letters.draftPdf({ caseId: detail.id, templateId, contactPointId }));
    downloadBase64(file.fileName, file.base64);
  });

  const pdf = useAction(async () => {
    if (!sentActivity) return;
    const file = await call((a) => a.letters.pdf({ caseId: detail.id, activityId: sentActivity }));
    downloadBase64(file.fileName, file.base64);
  });

  const decision = refused ?? preview?.decision ?? null;
  const blocked = decision?.verdict === 'block';
  const findingCount = preview?.findings.length ?? 0;

  return (
    <Dialog title={t('letters.title')} onClose={onClose} initialFocus={first} wide testId="letter-dialog">
      {loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <div className="form">
        <div className="form-grid">
          <label className="field field-wide">
            <span>{t('letters.template')}</span>
            <select ref={first} value={templateId} onChange={(e) => setTemplateId(e.target.value)} disabled={!templates || sentActivity !== null} data-testid="letter-template">
              {!templates ? <option value="">{t('common.loading')}</option> : null}
              {templates?.length === 0 ? <option value="">{t('letters.noTemplates')}</option> : null}
              {templates?.map((x) => (
                <option key={x.id} value={x.id} data-kind={x.kind} data-letter-type={x.letterType} data-language={x.language}>
                  {templateLabel(x, t)}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-wide">
            <span>{t('letters.to')}</span>
            <select value={contactPointId ?? ''} onChange={(e) => setContactPointId(e.target.value || null)} disabled={sentActivity !== null} data-testid="letter-contact-point">
              <option value="">{t('contact.pickPoint')}</option>
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(`party.${p.party}`)} · {t(`contactKind.${p.kind}`)} · {p.value}
                </option>
              ))}
            </select>
          </label>
        </div>
        {previewError ? (
          <p className="form-error" role="alert">
            {previewError}
          </p>
        ) : null}
        {preview ? (
          <div className="letter-preview" data-testid="letter-preview">
            {preview.subject ? <p className="letter-subject">{preview.subject}</p> : null}
            <div className="letter-body" lang={template?.language}>
              {segments(preview.body, preview.findings).map((s, i) =>
                s.finding === null ? (
                  <span key={i}>{s.text}</span>
                ) : (
                  <mark key={i} className="lint-mark" title={messageOf(preview.findings[s.finding]!.message, lang)}>
                    {s.text}
                    <sup className="lint-ref">{s.finding + 1}</sup>
                  </mark>
                ),
              )}
            </div>
          </div>
        ) : !previewError && templateId ? (
          <p className="muted">{t('common.loading')}</p>
        ) : null}
        {preview ? (
          <div className="lint" aria-live="polite" data-testid="letter-findings">
            <h3 className="panel-subtitle">{findingCount === 0 ? t('letters.noFindings') : t('letters.findings', { count: findingCount })}</h3>
            {findingCount > 0 ? (
              <ol className="lint-list">
                {preview.findings.map((f, i) => (
                  <li key={i}>
                    <code className="rule-id">{f.rule}</code> <q>{f.text}</q> — {messageOf(f.message, lang)}
                  </li>
                ))}
              </ol>
            ) : null}
          </div>
        ) : null}
        {template?.letterType.startsWith('complaint_') ? (
          <p className="muted" data-testid="letter-complaint-note">
            {t('mailing.complaintLetter')}
          </p>
        ) : null}
        {decision ? <DecisionPanel decision={decision} headline={refused ? t('contact.blockedHeadline') : t('contact.checkHeadline')} testId="letter-decision" /> : null}
        {send.error ? (
          <p className="form-error" role="alert">
            {send.error}
          </p>
        ) : null}
        {pdf.error || draft.error ? (
          <p className="form-error" role="alert">
            {pdf.error ?? draft.error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {sentActivity ? t('common.close') : t('common.cancel')}
          </button>
          {!sentActivity && channel === 'letter' ? (
            <button type="button" className="btn" onClick={() => void draft.run()} disabled={!preview || draft.busy} title={t('mailing.draftHint')} data-testid="letter-draft-pdf">
              {draft.busy ? t('common.working') : t('mailing.draftPdf')}
            </button>
          ) : null}
          {sentActivity && channel === 'letter' ? (
            <button type="button" className="btn btn-primary" onClick={() => void pdf.run()} disabled={pdf.busy} data-testid="letter-pdf">
              {pdf.busy ? t('common.working') : t('letters.pdf')}
            </button>
          ) : (
            <button
              type="button"
              className={`btn ${blocked ? 'btn-danger' : 'btn-primary'}`}
              onClick={() => void send.run()}
              disabled={!preview || send.busy || sentActivity !== null || (channel !== 'letter' && !contactPointId)}
              data-testid="letter-send"
            >
              {send.busy ? t('common.working') : blocked ? t('contact.submitBlocked') : t('letters.send')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

function messageOf(m: { 'zh-CN': string; en: string }, lang: string): string {
  return lang === 'zh-CN' ? m['zh-CN'] || m.en : m.en || m['zh-CN'];
}
