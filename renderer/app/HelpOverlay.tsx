import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';

const GROUPS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'help.everywhere',
    keys: [
      ['?', 'help.keys.help'],
      ['n', 'help.keys.next'],
      ['t', 'dayloop.help.inbound'],
      ['w', 'dayloop.help.worklists'],
      ['Shift+A', 'admin.shortcuts.admin'],
      ['Shift+P', 'admin.shortcuts.password'],
      ['Shift+Q', 'admin.shortcuts.signOut'],
    ],
  },
  {
    title: 'help.queue',
    keys: [
      ['j / ↓', 'help.keys.down'],
      ['k / ↑', 'help.keys.up'],
      ['Enter', 'help.keys.open'],
      ['/', 'help.keys.search'],
      ['/ … Enter', 'admin.shortcuts.firstHit'],
      ['/ … ↓', 'admin.shortcuts.intoResults'],
      ['Home / End', 'help.keys.ends'],
    ],
  },
  {
    title: 'help.case',
    keys: [
      ['Esc', 'help.keys.back'],
      ['c', 'help.keys.contact'],
      ['p', 'actions.promise'],
      ['i', 'actions.plan'],
      ['m', 'actions.payment'],
      ['l', 'actions.letter'],
      ['a', 'actions.affordability'],
      ['x', 'actions.complaint'],
      ['o', 'actions.outcome'],
      ['r', 'help.keys.reload'],
      ['b', 'dayloop.help.callback'],
      ['0', 'dayloop.help.noAnswer'],
      ['1–9', 'dayloop.help.resultKeys'],
      ['Ctrl+Enter', 'help.keys.submit'],
    ],
  },
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help-overlay">
      <div className="help-grid">
        {GROUPS.map((g) => (
          <div key={g.title}>
            <h3>{t(g.title)}</h3>
            <dl className="help-keys">
              {g.keys.map(([k, label]) => (
                <div key={k} className="help-row">
                  <dt>
                    <kbd>{k}</kbd>
                  </dt>
                  <dd>{t(label)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </Dialog>
  );
}
