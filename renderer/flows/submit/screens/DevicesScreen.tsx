import { devicesDown } from '../submit-model.js';
import { BackButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/**
 * A device this procedure needs is down: say so before the resident types anything, say
 * what still works here and elsewhere, and carry on by itself when the device is back.
 */
export function DevicesScreen({ c, act, tr, locale, checking }: StepProps & { checking: boolean }) {
  if (checking) {
    return (
      <StepFrame c={c} tr={tr} locale={locale} screen="submit.devices" title={tr('submit.devices.checking')} busy actions={null}>
        <div className="spinner" aria-hidden="true" />
      </StepFrame>
    );
  }
  const down = c.procedure ? devicesDown(c.procedure, c.devices) : [];
  const hotline = c.input.config.hotline;
  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.devices"
      title={tr('submit.devices.title')}
      lead={tr('submit.devices.lead')}
      actions={
        <>
          <BackButton act={act} tr={tr} />
          <button type="button" className="button button--secondary" data-action="otherProcedure" onClick={() => act({ type: 'submit.otherProcedure' })}>
            {tr('submit.devices.otherProcedure')}
          </button>
          <button type="button" className="button button--primary" data-action="home" onClick={() => act({ type: 'submit.home' })}>
            {tr('submit.devices.home')}
          </button>
        </>
      }
    >
      <ul className="still-works" data-testid="devices-down">
        {down.map((id) => (
          <li key={id} data-device={id}>
            {tr(`submit.devices.down.${id}`)}
          </li>
        ))}
      </ul>
      <p className="hint">{tr('submit.devices.autoResume')}</p>
      <h2 className="subtitle">{tr('submit.devices.stillWorks')}</h2>
      <div className="elsewhere">
        <button type="button" className="choice" data-action="guide" onClick={() => act({ type: 'submit.elsewhere', choice: 'guide' })}>
          <span className="choice__label">{tr('submit.devices.guide')}</span>
          <span className="choice__hint">{tr('submit.devices.guideHint')}</span>
        </button>
        <button type="button" className="choice" data-action="track" onClick={() => act({ type: 'submit.elsewhere', choice: 'track' })}>
          <span className="choice__label">{tr('home.choice.track')}</span>
          <span className="choice__hint">{tr('home.choice.track.hint')}</span>
        </button>
        <button type="button" className="choice" data-action="help" onClick={() => act({ type: 'submit.elsewhere', choice: 'help' })}>
          <span className="choice__label">{tr('home.choice.help')}</span>
          <span className="choice__hint">{tr('home.choice.help.hint')}</span>
        </button>
      </div>
      <ul className="still-works">
        <li>{tr('notAvailable.counter')}</li>
        <li>{tr('notAvailable.online')}</li>
        <li className="hotline">{tr('notAvailable.hotline', { phone: hotline.phone, hours: hotline.hours[locale] })}</li>
      </ul>
    </StepFrame>
  );
}
