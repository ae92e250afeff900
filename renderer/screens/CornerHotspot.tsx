import type { ScreenProps } from '../app/screen-props.js';

/** Invisible on purpose: residents never see it; technicians tap it 5 times within 3 seconds. */
export function CornerHotspot({ send, tr }: ScreenProps) {
  return (
    <button
      type="button"
      className="corner-hotspot"
      data-testid="corner-hotspot"
      aria-label={tr('corner.label')}
      onClick={(e) => send({ type: 'user.cornerTap', at: e.timeStamp })}
    />
  );
}
