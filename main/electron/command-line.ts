/** Chromium switches appended before ready: gestures and keys a kiosk page must not react to. */
export const kioskSwitches: ReadonlyArray<readonly [name: string, value?: string]> = [
  // pinch zoom on the touchscreen (setVisualZoomLevelLimits covers the page, this the compositor)
  ['disable-pinch'],
  // swipe-to-go-back on touchscreens and touchpads
  ['overscroll-history-navigation', '0'],
  // media keys must not drive the attract video; no translate bar over Vietnamese text
  ['disable-features', 'HardwareMediaKeyHandling,MediaSessionService,TouchpadOverscrollHistoryNavigation,Translate'],
];

export interface SwitchSink {
  appendSwitch(name: string, value?: string): void;
}

export const applyKioskSwitches = (commandLine: SwitchSink, switches = kioskSwitches): void => {
  for (const [name, value] of switches) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
};
