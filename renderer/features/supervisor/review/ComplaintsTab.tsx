/** Complaints of the team, soonest deadline first: assign, respond, resolve or escalate to the lender. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../../common/api/types';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { toApiError } from '../../../app/api';
import { useUi } from '../../../stores/ui';
import { COMPLAINT_ACTIONS, COMPLAINT_FILTERS, useReview, type ComplaintAction } from '../reviewStore';
import { assignable, useTeam } from '../teamStore';
import { MIN_REASON } from '../reason';
import { usePersonName } from '../usePeople';
import { ListHeader } from './ListHeader';
import { complaintTextOk, defaultComplaintAction, deadlineState } from './complaintRules';

const STATUS_TONE: Record<ComplaintView['status'], string> = {
  open: 'badge-care',
  responded: 'badge-muted',
  escalated: 'badge-severe',
  resolved: 'badge-ok',
};

function ComplaintForm({ item, onGone }: { item: ComplaintView; onGone(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const people = useTeam((s) => s.people);
  const collectors = assignable(people);
  const notify = useUi((s) => s.notify);
  const [action, setAction] = useState<ComplaintAction>(defaultComplaintAction(item));
  const [assigneeId, setAssigneeId] = useState(item.assignee ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = action === 'assign' ? assigneeId !== '' && assigneeId !== item.assignee : complaintTextOk(text);

  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await useReview.getState().updateComplaint({
        complaintId: item.id,
        action,
        ...(action === 'assign' ? { assigneeId } : { text: text.trim() }),
      });
      notify('success', t(`supervisor.complaints.done.${action}`, { reference: item.caseReference }));
      setText('');
      // Left the filtered list (e.g. resolved under "open"): keep focus in the queue, not on the page body.
      if (!useReview.getState().complaints.items.some((c) => c.id === item.id)) onGone();
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sup-complaint-form"
      aria-label={t('supervisor.complaints.actFor', { reference: item.caseReference })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <label className="field">
        <span>{t('supervisor.complaints.action')}</span>
        <select value={action} onChange={(e) => setAction(e.target.value as ComplaintAction)} data-testid="sup-complaint-action">
          {COMPLAINT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`supervisor.complaints.actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {action === 'assign' ? (
        <label className="field">
          <span>{t('supervisor.complaints.assignee')}</span>
          <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} data-testid="sup-complaint-assignee">
            <option value="">{t('supervisor.complaints.chooseAssignee')}</option>
            {collectors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
            {item.assignee && !collectors.some((p) => p.id === item.assignee) ? (
              <option value={item.assignee}>{people.find((p) => p.id === item.assignee)?.displayName ?? item.assignee}</option>
            ) : null}
          </select>
        </label>
      ) : (
        <label className="field sup-grow">
          <span>{t(`supervisor.complaints.textLabel.${action}`)}</span>
          <textarea value={text} rows={2} maxLength={10_000} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-help`} data-testid="sup-complaint-text" />
          <span id={`${id}-help`} className="field-help">
            {t(`supervisor.complaints.textHelp.${action}`, { min: MIN_REASON })}
          </span>
        </label>
      )}
      <button type="submit" className={`btn btn-small ${action === 'escalate' ? 'btn-danger' : 'btn-primary'}`} disabled={busy || !ready} data-testid="sup-complaint-confirm">
        {busy ? t('common.working') : t(`supervisor.complaints.confirm.${action}`)}
      </button>
      {error ? (
        <p className="form-error sup-form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function ComplaintCard({ item, onGone }: { item: ComplaintView; onGone(): void }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePersonName();
  const headingId = useId();
  const l = i18n.language;
  const deadline = deadlineState(item, new Date());
  return (
    <li className={`sup-card${item.overdue ? ' is-overdue' : ''}`} data-testid="sup-complaint-row" data-complaint-id={item.id} data-status={item.status}>
      <article aria-labelledby={headingId}>
        <div className="sup-card-head">
          <h3 id={headingId}>
            <span className="sup-code">{item.caseReference}</span> · {t(`supervisor.complaints.categories.${item.category}`, { defaultValue: item.category })}
          </h3>
          <span className={`badge ${STATUS_TONE[item.status]}`}>{t(`supervisor.complaints.status.${item.status}`)}</span>
          {item.overdue ? <span className="badge badge-severe">{t('supervisor.complaints.overdue')}</span> : null}
          <span className={`small${deadline === 'overdue' ? ' sup-severe' : deadline === 'soon' ? ' sup-care' : ' muted'}`}>
            {item.status === 'resolved' && item.resolvedAt
              ? t('supervisor.complaints.resolvedAt', { when: formatDateTime(item.resolvedAt, l) })
              : t('supervisor.complaints.due', { when: formatDateTime(item.dueAt, l) })}
          </span>
        </div>
        <div className="sup-card-body">
          <p className="muted small">
            {t('supervisor.complaints.opened', {
              when: formatDateTime(item.openedAt, l),
              channel: t(`supervisor.complaints.channels.${item.channel}`, { defaultValue: item.channel }),
            })}{' '}
            · {t('supervisor.complaints.assignedTo', { who: nameOf(item.assignee) ?? t('supervisor.complaints.unassigned') })}
          </p>
          <p>
            <span className="sup-label">{t('supervisor.complaints.description')}</span> <q>{item.description}</q>
          </p>
          {item.response ? (
            <p>
              <span className="sup-label">{t('supervisor.complaints.response')}</span> <q>{item.response}</q>
            </p>
          ) : null}
        </div>
        {item.status !== 'resolved' ? <ComplaintForm item={item} onGone={onGone} /> : null}
      </article>
    </li>
  );
}

export function ComplaintsTab() {
  const { t } = useTranslation();
  const state = useReview((s) => s.complaints);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const load = useReview.getState().loadComplaints;
  const overdue = state.items.filter((c) => c.overdue).length;

  useEffect(() => {
    void useReview.getState().loadComplaints();
    void useTeam.getState().load();
  }, []);

  return (
    <section className="sup-review" aria-labelledby="sup-complaints-heading">
      <ListHeader
        headingId="sup-complaints-heading"
        headingRef={headingRef}
        title={t('supervisor.complaints.title')}
        count={state.loaded ? state.items.length : null}
        filter={state.filter}
        filters={COMPLAINT_FILTERS}
        filterLabel={t('supervisor.review.show')}
        optionLabel={(f) => t(`supervisor.complaints.filter.${f}`)}
        onFilter={(f) => void load(f)}
        onReload={() => void load()}
        loading={state.loading}
        testId="sup-complaint-filter"
      />
      <p className="muted small">
        {t('supervisor.complaints.intro')}
        {overdue > 0 ? <strong className="sup-severe"> {t('supervisor.complaints.overdueCount', { count: overdue })}</strong> : null}
      </p>
      {state.error ? (
        <div className="banner banner-error" role="alert">
          {errorText(state.error, t)}
        </div>
      ) : null}
      {state.loaded && state.items.length === 0 ? <p className="sup-empty">{t(`supervisor.complaints.empty.${state.filter}`)}</p> : null}
      <ul className="sup-cards" aria-labelledby="sup-complaints-heading">
        {state.items.map((item) => (
          <ComplaintCard key={item.id} item={item} onGone={() => headingRef.current?.focus()} />
        ))}
      </ul>
    </section>
  );
}
