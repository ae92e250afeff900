import { useState } from 'react';
import { KeyboardField } from '../../components/keyboard/KeyboardField.js';
import { OnScreenKeyboard } from '../../components/keyboard/OnScreenKeyboard.js';
import { formatBytes } from '../diagnostics-format.js';
import { folderMaxLength, passphraseMaxLength } from '../diagnostics-rules.js';
import type { ExportKind, ExportProblem } from '../diagnostics-types.js';
import { Fact, TabBody } from './TabFrame.js';
import type { DiagnosticsSnapshot, DiagTabProps } from './tab-props.js';

type Field = 'folder' | 'passphrase' | 'passphraseAgain';
type ExportPhase = 'loadingTargets' | 'form' | 'running' | 'done';

const exportPhases: readonly ExportPhase[] = ['loadingTargets', 'form', 'running', 'done'];
export const exportPhase = (snapshot: DiagnosticsSnapshot, kind: ExportKind): ExportPhase | null =>
  exportPhases.find((phase) => (kind === 'queue' ? snapshot.matches({ queue: { export: phase } }) : snapshot.matches({ logs: { export: phase } }))) ?? null;

/** which field a problem belongs to, so it is said there too */
const problemField: Record<ExportProblem, Field> = {
  noFolder: 'folder',
  relativeFolder: 'folder',
  shortPassphrase: 'passphrase',
  mismatch: 'passphraseAgain',
};

/**
 * Where an export goes (a USB drive the core found, or a typed folder) and, for a dossier
 * bundle, its passphrase twice; then what was written. Typed with the on-screen keyboard.
 */
export function ExportForm({ kind, snapshot, act, tr, locale }: DiagTabProps & { kind: ExportKind }) {
  const [active, setActive] = useState<Field | null>(null);
  const c = snapshot.context;
  const phase = exportPhase(snapshot, kind);
  const inForm = phase === 'form';
  const running = phase === 'running';
  const done = phase === 'done';
  const problem = c.exportProblem;
  const problemText = problem ? tr(`diag.export.problem.${problem}`) : null;
  const errorFor = (field: Field) => (problem && problemField[problem] === field ? problemText : null);
  const title = kind === 'queue' ? tr('diag.export.queueTitle', { count: c.selected.length || (c.bundle?.dossiers ?? 0) }) : tr('diag.export.logsTitle');
  const labels: Record<Field, string> = {
    folder: tr('diag.export.folder'),
    passphrase: tr('diag.export.passphrase'),
    passphraseAgain: tr('diag.export.passphraseAgain'),
  };

  return (
    <>
      <TabBody title={tr(kind === 'queue' ? 'diag.tab.queue' : 'diag.tab.logs')} snapshot={snapshot} tr={tr}>
        <h2 className="subtitle">{title}</h2>
        {(inForm || running) && (
          <div className="diag-form" data-export={kind}>
            <fieldset className="diag-targets" disabled={!inForm}>
              <legend className="field__label">{tr('diag.export.targets')}</legend>
              {c.exportTargets.length === 0 && !snapshot.hasTag('loading') && <p className="hint">{tr('diag.export.noTargets')}</p>}
              {c.exportTargets.map((t) => (
                <label key={t.path} className={c.exportDir === t.path ? 'diag-target diag-target--on' : 'diag-target'}>
                  <input type="radio" name="diag-export-target" checked={c.exportDir === t.path} onChange={() => act({ type: 'diag.export.target', path: t.path })} />
                  <span>
                    {tr('diag.export.target', { label: t.label, free: formatBytes(t.freeBytes, locale) })}
                    <br />
                    <code>{t.path}</code>
                  </span>
                </label>
              ))}
            </fieldset>

            <KeyboardField
              id="diag-export-folder"
              label={labels.folder}
              value={c.exportDir}
              active={active === 'folder'}
              onActivate={() => setActive('folder')}
              onChange={(dir) => act({ type: 'diag.export.folder', dir })}
              hint={tr('diag.export.folderHint', { telex: tr('keyboard.telex') })}
              error={errorFor('folder')}
            />

            {kind === 'queue' && (
              <>
                <SecretField
                  id="diag-export-passphrase"
                  label={labels.passphrase}
                  value={c.passphrase}
                  active={active === 'passphrase'}
                  onActivate={() => setActive('passphrase')}
                  onChange={(value) => act({ type: 'diag.export.passphrase', value })}
                  hint={tr('diag.export.typed', { count: [...c.passphrase].length })}
                  error={errorFor('passphrase')}
                />
                <SecretField
                  id="diag-export-passphrase-again"
                  label={labels.passphraseAgain}
                  value={c.passphraseAgain}
                  active={active === 'passphraseAgain'}
                  onActivate={() => setActive('passphraseAgain')}
                  onChange={(value) => act({ type: 'diag.export.passphraseAgain', value })}
                  hint={tr('diag.export.typed', { count: [...c.passphraseAgain].length })}
                  error={errorFor('passphraseAgain')}
                />
                <p className="hint">{tr('diag.export.passphraseHint')}</p>
              </>
            )}

            {inForm && active === 'folder' && (
              <OnScreenKeyboard
                key="folder"
                layout="text"
                value={c.exportDir}
                onChange={(dir) => act({ type: 'diag.export.folder', dir })}
                onDone={() => setActive(kind === 'queue' ? 'passphrase' : null)}
                tr={tr}
                fieldLabel={labels.folder}
                maxLength={folderMaxLength}
              />
            )}
            {inForm && active === 'passphrase' && (
              <OnScreenKeyboard
                key="passphrase"
                layout="email"
                value={c.passphrase}
                onChange={(value) => act({ type: 'diag.export.passphrase', value })}
                onDone={() => setActive('passphraseAgain')}
                tr={tr}
                fieldLabel={labels.passphrase}
                maxLength={passphraseMaxLength}
              />
            )}
            {inForm && active === 'passphraseAgain' && (
              <OnScreenKeyboard
                key="passphraseAgain"
                layout="email"
                value={c.passphraseAgain}
                onChange={(value) => act({ type: 'diag.export.passphraseAgain', value })}
                onDone={() => setActive(null)}
                tr={tr}
                fieldLabel={labels.passphraseAgain}
                maxLength={passphraseMaxLength}
              />
            )}
            {running && (
              <p className="diag-note" role="status">
                {tr('diag.export.running')}
              </p>
            )}
          </div>
        )}

        {done && c.bundle && (
          <div className="diag-result" data-result="bundle">
            <p className="diag-state diag-state--ok">{tr('diag.export.done')}</p>
            <dl className="facts">
              <Fact label={tr('diag.export.bundlePath')} name="bundlePath">
                <code>{c.bundle.bundlePath}</code>
              </Fact>
              <Fact label={tr('diag.export.manifestPath')} name="manifestPath">
                <code>{c.bundle.manifestPath}</code>
              </Fact>
              <Fact label={tr('diag.export.contents')}>
                {tr('diag.export.contentsValue', { dossiers: c.bundle.dossiers, attachments: c.bundle.attachments, size: formatBytes(c.bundle.bytes, locale) })}
              </Fact>
              <Fact label={tr('diag.export.sha256')} name="sha256">
                <code className="diag-hash">{c.bundle.sha256}</code>
              </Fact>
            </dl>
          </div>
        )}
        {done && c.logsExported && (
          <div className="diag-result" data-result="logs">
            <p className="diag-state diag-state--ok">{tr('diag.export.done')}</p>
            <dl className="facts">
              <Fact label={tr('diag.export.logsFolder')} name="logsFolder">
                <code>{c.logsExported.folder}</code>
              </Fact>
              <Fact label={tr('diag.export.contents')}>
                {tr('diag.files', { count: c.logsExported.files.length, size: formatBytes(c.logsExported.bytes, locale) })}
                <ul className="diag-list diag-mono">
                  {c.logsExported.files.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </Fact>
            </dl>
          </div>
        )}
      </TabBody>
      <div className="actions">
        {done ? (
          <button type="button" className="button button--primary" onClick={() => act({ type: 'diag.export.close' })}>
            {tr('diag.export.close')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" disabled={!inForm} onClick={() => act({ type: 'diag.export.cancel' })}>
              {tr('diag.cancel')}
            </button>
            <button type="button" className="button button--primary" disabled={!inForm} onClick={() => act({ type: 'diag.export.start' })}>
              {tr('diag.export.start')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

/** A passphrase field: typed on the on-screen keyboard, never shown; how many characters is. */
function SecretField({
  id,
  label,
  value,
  active,
  onActivate,
  onChange,
  hint,
  error,
}: {
  id: string;
  label: string;
  value: string;
  active: boolean;
  onActivate: () => void;
  onChange: (value: string) => void;
  hint: string;
  error: string | null;
}) {
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  return (
    <div className={['field', active ? 'field--active' : '', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} data-field={id}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="password"
        value={value}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        data-active={active ? 'true' : undefined}
        onFocus={onActivate}
        onClick={onActivate}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
