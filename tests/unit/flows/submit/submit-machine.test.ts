import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, fromPromise, waitFor, type AnyActorLogic, type AnyActorRef, type SnapshotFrom } from 'xstate';
import { validateManualIdentity } from '../../../../common/cccd/manual-identity.js';
import type { CitizenIdentity } from '../../../../common/domain/citizen-identity.js';
import type { DeviceStatus } from '../../../../common/domain/device-status.js';
import { kioskError, type KioskError } from '../../../../common/errors.js';
import type { JourneyStep, ManualIdentity } from '../../../../common/kiosk-api/journey-contract.js';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import { receiptMachine } from '../../../../renderer/flows/receipt/receipt-machine.js';
import { submitMachine, type StepMark, type SubmitArgs, type SubmitEvent, type SubmitReceipt } from '../../../../renderer/flows/submit/submit-machine.js';
import {
  copyOfExtract,
  devicesUp,
  flowInput,
  guardianship,
  identity,
  page,
  qrPayload,
  scannerDown,
  sessionId,
  stepLog,
  stubRating,
  stubReceipt,
  stubScan,
  type StepLog,
} from './submit-fixtures.js';

type Snapshot = SnapshotFrom<typeof submitMachine>;

const receipt: SubmitReceipt = { localCode: 'KT01-260105-0001', submittedAt: '2026-01-05T02:10:00.000Z', appointmentDate: '2026-01-08', trackingQr: 'KT01-260105-0001' };

interface Fakes {
  /** what devices.status answers; null: the devices the flow started with */
  devices: DeviceStatus[] | null;
  steps: JourneyStep[];
  qrPayloads: string[];
  manualFields: ManualIdentity[];
  submitted: SubmitArgs[];
  /** how many dossier.submit calls fail, and with what */
  submitFailures: KioskError[];
  log: StepLog;
}

/** The flow with fake KioskApi actors (they behave like the core would) and stub step machines (or real ones given). */
const start = (input: FlowInput = flowInput(), steps: { receiptStep?: AnyActorLogic } = {}) => {
  const f: Fakes = { devices: null, steps: [], qrPayloads: [], manualFields: [], submitted: [], submitFailures: [], log: stepLog() };
  const machine = submitMachine.provide({
    actors: {
      stepMarker: fromCallback<StepMark, { sessionId: string }>(({ receive }) => receive((mark) => f.steps.push(mark.step))),
      loadDevices: fromPromise<DeviceStatus[]>(async () => f.devices ?? input.devices),
      identityFromQr: fromPromise<CitizenIdentity, { sessionId: string; payload: string }>(async ({ input }) => {
        f.qrPayloads.push(input.payload);
        if (input.payload === qrPayload) return identity;
        throw kioskError('InvalidIdPayload', 'idNumber has 11 digits', { issues: [{ path: 'idNumber', rule: 'digitCount' }] });
      }),
      identityFromManual: fromPromise<CitizenIdentity, { sessionId: string; fields: ManualIdentity }>(async ({ input }) => {
        f.manualFields.push(input.fields);
        const r = validateManualIdentity(input.fields, '2026-01-05');
        if (!r.ok) throw kioskError('InvalidIdPayload', r.error.message, { issues: [{ path: r.error.field, rule: r.error.rule }] });
        return r.value;
      }),
      submitDossier: fromPromise<SubmitReceipt, SubmitArgs>(async ({ input }) => {
        f.submitted.push(input);
        const failure = f.submitFailures.shift();
        if (failure) throw failure;
        return receipt;
      }),
      // stand-ins for the step machines (their own tests cover them); only the interface matters here
      scanStep: stubScan(f.log) as never,
      receiptStep: (steps.receiptStep ?? stubReceipt(f.log)) as never,
      ratingStep: stubRating(f.log) as never,
    },
  });
  const actor = createActor(machine, { input });
  actor.start();
  const send = (e: SubmitEvent) => actor.send(e);
  const snap = () => actor.getSnapshot();
  const until = (p: (s: Snapshot) => boolean) => waitFor(actor, p, { timeout: 2000 });
  const child = (id: 'scan' | 'receipt' | 'rating') => snap().children[id] as AnyActorRef | undefined;
  return { actor, send, snap, until, child, f };
};

type Flow = ReturnType<typeof start>;

/** pick a procedure and wait for the devices check (it asks the core for fresh statuses) */
const pick = async (k: Flow, code: string) => {
  k.send({ type: 'submit.pickProcedure', code });
  await k.until((s) => !s.matches({ draft: { checkingDevices: 'loading' } }));
};

const read = (k: Flow, read: Extract<SubmitEvent, { type: 'core.readerRead' }>['read'], session = sessionId) =>
  k.send({ type: 'core.readerRead', sessionId: session, read });

/** choose the guardianship procedure and show the card */
const toForm = async (k: Flow = start()) => {
  await pick(k, guardianship.code);
  expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
  read(k, { kind: 'identity', identity });
  expect(k.snap().matches({ draft: 'form' })).toBe(true);
  return k;
};

const fillForm = (k: Flow) => {
  k.send({ type: 'submit.contactField', field: 'phone', value: '0912 345 678' });
  k.send({ type: 'submit.formField', id: 'kind', value: 'appointed' });
  k.send({ type: 'submit.formField', id: 'wardFullName', value: 'Nguyễn Văn Bình' });
  k.send({ type: 'submit.formField', id: 'wardDateOfBirth', value: '02/03/2015' });
};

const scanAll = (k: Flow) => {
  k.child('scan')?.send({ type: 'test.done', pages: [page(1), page(2)] });
  expect(k.snap().context.componentIndex).toBe(1);
  // the optional power of attorney: skipped, no pages
  k.child('scan')?.send({ type: 'test.done', pages: [] });
};

const toReview = async (k: Flow = start(), method: 'counter' | 'postal' = 'counter') => {
  await toForm(k);
  fillForm(k);
  k.send({ type: 'submit.next' });
  expect(k.snap().matches({ draft: 'scanning' })).toBe(true);
  scanAll(k);
  expect(k.snap().matches({ draft: 'delivery' })).toBe(true);
  k.send({ type: 'submit.deliveryMethod', method });
  k.send({ type: 'submit.next' });
  expect(k.snap().matches({ draft: 'consent' })).toBe(true);
  for (const p of ['giai-quyet-ho-so', 'lien-he-ve-ho-so', ...(method === 'postal' ? ['gui-ket-qua-buu-chinh'] : [])]) {
    k.send({ type: 'submit.consentToggle', purpose: p });
  }
  k.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
  expect(k.snap().matches({ draft: 'review' })).toBe(true);
  return k;
};

describe('submit flow: the whole path', () => {
  it('goes from the procedure list to the receipt and the rating, and ends the session', async () => {
    const k = start();
    expect(k.snap().matches({ draft: 'choosing' })).toBe(true);
    k.send({ type: 'submit.query', text: 'giam ho' });
    expect(k.snap().context.query).toBe('giam ho');
    await toForm(k);

    // the card filled the form's identity fields (dates as the resident reads them)
    expect(k.snap().context.form).toMatchObject({ fullName: 'Nguyễn Văn An', dateOfBirth: '01/01/1990' });
    fillForm(k);
    k.send({ type: 'submit.next' });
    expect(k.f.log.scanInputs[0]).toMatchObject({ sessionId, component: { id: 'can-cu' }, pages: [], devices: devicesUp });

    // scan events and device changes reach the scan step
    k.send({ type: 'core.scanPage', sessionId, componentId: 'can-cu', page: page(1) });
    k.send({ type: 'core.deviceStatus', devices: devicesUp });
    expect(k.f.log.scanEvents).toEqual(['core.scanPage', 'core.deviceStatus']);
    scanAll(k);
    expect(k.f.log.scanInputs.map((i) => i.component.id)).toEqual(['can-cu', 'uy-quyen']);

    // postal delivery starts from the card's name and address and the form's phone
    expect(k.snap().matches({ draft: 'delivery' })).toBe(true);
    k.send({ type: 'submit.deliveryMethod', method: 'postal' });
    expect(k.snap().context.delivery).toEqual({ method: 'postal', recipientName: identity.fullName, address: identity.address, phone: '0912 345 678' });
    k.send({ type: 'submit.deliveryField', field: 'address', value: 'Số 5 ngõ 10 phố Huế, Hà Nội' });
    k.send({ type: 'submit.next' });

    k.send({ type: 'submit.consentToggle', purpose: 'giai-quyet-ho-so' });
    k.send({ type: 'submit.consentToggle', purpose: 'gui-ket-qua-buu-chinh' });
    k.send({ type: 'submit.consentToggle', purpose: 'lien-he-ve-ho-so' });
    k.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);

    k.send({ type: 'submit.confirm' });
    await k.until((s) => s.matches('receipt'));
    expect(k.f.submitted).toEqual([
      {
        sessionId,
        procedureCode: '1.004837',
        applicant: {
          idNumber: identity.idNumber,
          oldIdNumber: '123456789',
          fullName: identity.fullName,
          dateOfBirth: '1990-01-01',
          sex: 'male',
          address: identity.address,
          phone: '0912345678',
          identitySource: 'qr',
        },
        form: { fullName: identity.fullName, dateOfBirth: '1990-01-01', kind: 'appointed', wardFullName: 'Nguyễn Văn Bình', wardDateOfBirth: '2015-03-02', note: '' },
        delivery: { method: 'postal', recipientName: identity.fullName, address: 'Số 5 ngõ 10 phố Huế, Hà Nội', phone: '0912345678' },
        consent: { version: '2026-01-01', purposes: ['giai-quyet-ho-so', 'gui-ket-qua-buu-chinh', 'lien-he-ve-ho-so'], givenAt: '2026-01-05T02:09:00.000Z' },
        // the skipped optional component has no pages: not attached
        components: ['can-cu'],
      },
    ]);
    expect(k.f.log.receiptInputs).toEqual([
      { sessionId, config: flowInput().config, procedure: guardianship, localCode: receipt.localCode, submittedAt: receipt.submittedAt, appointmentDate: '2026-01-08', trackingQr: receipt.trackingQr },
    ]);

    k.child('receipt')?.send({ type: 'test.rate' });
    expect(k.snap().matches('rating')).toBe(true);
    expect(k.f.log.ratingInputs).toEqual([{ sessionId, code: receipt.localCode }]);
    k.child('rating')?.send({ type: 'test.rated' });
    expect(k.snap().status).toBe('done');
    expect(k.snap().output).toEqual({ next: 'end' });
    await Promise.resolve();
    expect(k.f.steps).toEqual([
      'submit.devices',
      'submit.identify',
      'submit.form',
      'submit.scan',
      'submit.delivery',
      'submit.consent',
      'submit.review',
      'submit.receipt',
      'submit.rating',
    ]);
  });

  it('ends without rating when the resident is done at the receipt', async () => {
    const k = await toReview();
    k.send({ type: 'submit.confirm' });
    await k.until((s) => s.matches('receipt'));
    k.child('receipt')?.send({ type: 'test.end' });
    expect(k.snap().output).toEqual({ next: 'end' });
    expect(k.f.log.ratingInputs).toEqual([]);
  });

  it('starts at the devices check with a procedure handed over by the guide', async () => {
    const k = start(flowInput({ procedureCode: copyOfExtract.code }));
    expect(k.snap().matches({ draft: 'checkingDevices' })).toBe(true);
    await k.until((s) => s.matches({ draft: 'identifying' }));
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
    expect(k.snap().context.procedure?.code).toBe(copyOfExtract.code);
    // one delivery method: already chosen
    expect(k.snap().context.delivery.method).toBe('counter');
  });

  it('shows the list when the handed-over procedure is not in this catalog', () => {
    const k = start(flowInput({ procedureCode: '9.999999' }));
    expect(k.snap().matches({ draft: 'choosing' })).toBe(true);
  });

  it('goes home from the procedure list', async () => {
    const k = start();
    await pick(k, 'not-a-code');
    expect(k.snap().matches({ draft: 'choosing' })).toBe(true);
    k.send({ type: 'submit.back' });
    expect(k.snap().output).toEqual({ next: 'home' });
  });
});

describe('submit flow: devices check', () => {
  it('refuses before identification when a required device is down, and says where to go', async () => {
    const k = start(flowInput({ devices: scannerDown }));
    await pick(k, guardianship.code);
    expect(k.snap().matches({ draft: 'checkingDevices' })).toBe(true);
    k.send({ type: 'submit.elsewhere', choice: 'guide' });
    expect(k.snap().output).toEqual({ next: 'flow', choice: 'guide', procedureCode: guardianship.code });
  });

  it('hands over to tracking or help, or goes home', async () => {
    for (const [event, output] of [
      [{ type: 'submit.elsewhere', choice: 'track' }, { next: 'flow', choice: 'track' }],
      [{ type: 'submit.elsewhere', choice: 'help' }, { next: 'flow', choice: 'help' }],
      [{ type: 'submit.home' }, { next: 'home' }],
    ] as const) {
      const k = start(flowInput({ devices: scannerDown }));
      await pick(k, guardianship.code);
      k.send(event);
      expect(k.snap().output).toEqual(output);
    }
  });

  it('lets another procedure that needs no scanner go on', async () => {
    const k = start(flowInput({ devices: scannerDown }));
    await pick(k, guardianship.code);
    k.send({ type: 'submit.otherProcedure' });
    expect(k.snap().matches({ draft: 'choosing' })).toBe(true);
    await pick(k, copyOfExtract.code);
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
  });

  it('asks the core for the statuses now rather than trust what the flow started with', async () => {
    const k = start(flowInput({ devices: [] }));
    k.f.devices = devicesUp;
    await pick(k, guardianship.code);
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
    const k2 = start(flowInput({ devices: devicesUp }));
    k2.f.devices = scannerDown;
    await pick(k2, guardianship.code);
    expect(k2.snap().matches({ draft: { checkingDevices: 'refused' } })).toBe(true);
  });

  it('counts a device without any status as down, and goes on by itself once it is online', async () => {
    const k = start(flowInput({ devices: devicesUp.filter((d) => d.id !== 'printer') }));
    await pick(k, guardianship.code);
    expect(k.snap().matches({ draft: 'checkingDevices' })).toBe(true);
    k.send({ type: 'core.deviceStatus', devices: scannerDown });
    expect(k.snap().matches({ draft: 'checkingDevices' })).toBe(true);
    k.send({ type: 'core.deviceStatus', devices: devicesUp });
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
  });
});

describe('submit flow: identify', () => {
  it('ignores a reader event of another session', async () => {
    const k = start();
    await pick(k, guardianship.code);
    read(k, { kind: 'identity', identity }, 'session-000000000099');
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
    expect(k.snap().context.identity).toBeNull();
  });

  it('shows why an unusable card was refused and stays on the step', async () => {
    const k = start();
    await pick(k, guardianship.code);
    read(k, { kind: 'invalid', field: 'issueDate', rule: 'issueInFuture' });
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
    expect(k.snap().context.idProblem).toEqual({ kind: 'rule', field: 'issueDate', rule: 'issueInFuture' });
    // garbage the parser could not even split
    read(k, { kind: 'invalid', field: 'bytes', rule: 'garbage' });
    expect(k.snap().context.idProblem).toEqual({ kind: 'error', error: 'InvalidIdPayload' });
    read(k, { kind: 'trackingCode', code: 'KT01-260105-0001' });
    expect(k.snap().context.idProblem).toEqual({ kind: 'trackingCode' });
    // a good card afterwards clears it
    read(k, { kind: 'identity', identity });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    expect(k.snap().context.idProblem).toBeNull();
  });

  it('takes a keyboard-wedge burst through identity.fromQr', async () => {
    const k = start();
    await pick(k, guardianship.code);
    k.send({ type: 'submit.wedgeScan', text: qrPayload });
    expect(k.snap().matches({ draft: { identifying: 'readingQr' } })).toBe(true);
    await k.until((s) => s.matches({ draft: 'form' }));
    expect(k.f.qrPayloads).toEqual([qrPayload]);
    expect(k.snap().context.identity).toEqual(identity);
    // the raw payload is not kept once answered
    expect(k.snap().context.qrPayload).toBeNull();
  });

  it('words a wedge payload the core refused by its field and rule', async () => {
    const k = start();
    await pick(k, guardianship.code);
    k.send({ type: 'submit.wedgeScan', text: '00109012345|x' });
    await k.until((s) => s.matches({ draft: { identifying: 'waiting' } }));
    expect(k.snap().context.idProblem).toEqual({ kind: 'rule', field: 'idNumber', rule: 'digitCount' });
    expect(k.snap().context.qrPayload).toBeNull();
    // an empty burst is not a card
    k.send({ type: 'submit.wedgeScan', text: '   ' });
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
  });

  it('goes back to the procedure list from the card step', async () => {
    const k = start();
    await pick(k, guardianship.code);
    k.send({ type: 'submit.back' });
    expect(k.snap().matches({ draft: 'choosing' })).toBe(true);
  });
});

describe('submit flow: manual entry', () => {
  const typeCard = (k: Flow, fields: Partial<Record<'idNumber' | 'oldIdNumber' | 'fullName' | 'dateOfBirth' | 'sex' | 'address' | 'issueDate', string>>) => {
    for (const [field, value] of Object.entries(fields)) k.send({ type: 'submit.manualField', field: field as 'idNumber', value });
  };
  const good = { idNumber: '001090123456', fullName: 'Nguyễn Văn An', dateOfBirth: '01/01/1990', sex: 'male', address: 'Số 12 phố Hàng Bạc, Hà Nội', issueDate: '15/04/2021' };

  const toManual = async () => {
    const k = start();
    await pick(k, guardianship.code);
    k.send({ type: 'submit.manualEntry' });
    expect(k.snap().matches({ draft: { identifying: 'manual' } })).toBe(true);
    return k;
  };

  it('does not send an invalid card to the core, and marks the attempt', async () => {
    const k = await toManual();
    k.send({ type: 'submit.manualSubmit', today: '2026-01-05' });
    expect(k.snap().matches({ draft: { identifying: 'manual' } })).toBe(true);
    expect(k.snap().context.manualTried).toBe(true);
    typeCard(k, { ...good, issueDate: '15/04/2027' });
    k.send({ type: 'submit.manualSubmit', today: '2026-01-05' });
    expect(k.snap().matches({ draft: { identifying: 'manual' } })).toBe(true);
    expect(k.f.manualFields).toEqual([]);
  });

  it('sends a valid card with ISO dates and goes on to the form', async () => {
    const k = await toManual();
    typeCard(k, { ...good, oldIdNumber: ' 123456789 ' });
    k.send({ type: 'submit.manualSubmit', today: '2026-01-05' });
    await k.until((s) => s.matches({ draft: 'form' }));
    expect(k.f.manualFields).toEqual([
      { idNumber: '001090123456', oldIdNumber: '123456789', fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01', sex: 'male', address: 'Số 12 phố Hàng Bạc, Hà Nội', issueDate: '2021-04-15' },
    ]);
    expect(k.snap().context.identity?.source).toBe('manual');
  });

  it('shows the core refusal under its field, and lets the resident fix it', async () => {
    const k = await toManual();
    typeCard(k, good);
    // the renderer's clock is ahead of the core's: the core refuses the issue date
    k.send({ type: 'submit.manualField', field: 'dateOfBirth', value: '01/01/2026' });
    k.send({ type: 'submit.manualField', field: 'idNumber', value: '001226123456' });
    k.send({ type: 'submit.manualField', field: 'issueDate', value: '10/01/2026' });
    k.send({ type: 'submit.manualSubmit', today: '2026-12-31' });
    expect(k.snap().matches({ draft: { identifying: 'checkingManual' } })).toBe(true);
    await k.until((s) => s.matches({ draft: { identifying: 'manual' } }));
    expect(k.snap().context.idProblem).toEqual({ kind: 'rule', field: 'issueDate', rule: 'issueInFuture' });
    k.send({ type: 'submit.manualField', field: 'issueDate', value: '02/01/2026' });
    expect(k.snap().context.idProblem).toBeNull();
  });

  it('takes a card shown while typing', async () => {
    const k = await toManual();
    typeCard(k, { idNumber: '0010' });
    read(k, { kind: 'identity', identity });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
  });

  it('"wrong? enter by hand" starts from what the card said', async () => {
    const k = start();
    await pick(k, guardianship.code);
    read(k, { kind: 'identity', identity });
    k.send({ type: 'submit.reenterIdentity' });
    expect(k.snap().matches({ draft: { identifying: 'manual' } })).toBe(true);
    expect(k.snap().context.manual).toEqual({
      idNumber: identity.idNumber,
      oldIdNumber: '123456789',
      fullName: identity.fullName,
      dateOfBirth: '01/01/1990',
      sex: 'male',
      address: identity.address,
      issueDate: '15/04/2021',
    });
    k.send({ type: 'submit.back' });
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
  });
});

describe('submit flow: form', () => {
  it('keeps Continue from going on while the phone or a required field is missing or wrong', async () => {
    const k = await toForm();
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    expect(k.snap().context.formTried).toBe(true);
    fillForm(k);
    k.send({ type: 'submit.contactField', field: 'phone', value: '12345' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    k.send({ type: 'submit.contactField', field: 'phone', value: '0912345678' });
    k.send({ type: 'submit.contactField', field: 'email', value: 'not-an-email' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    k.send({ type: 'submit.contactField', field: 'email', value: '' });
    k.send({ type: 'submit.formField', id: 'wardDateOfBirth', value: '31/02/2015' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    k.send({ type: 'submit.formField', id: 'wardDateOfBirth', value: '28/02/2015' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'scanning' })).toBe(true);
  });

  it('keeps the answers when the resident goes back to pick the same procedure, and drops them for another', async () => {
    const k = await toForm();
    fillForm(k);
    k.send({ type: 'submit.back' });
    k.send({ type: 'submit.back' });
    expect(k.snap().matches({ draft: 'choosing' })).toBe(true);
    await pick(k, guardianship.code);
    expect(k.snap().context.form.wardFullName).toBe('Nguyễn Văn Bình');
    k.send({ type: 'submit.back' });
    await pick(k, copyOfExtract.code);
    expect(k.snap().context.form).toEqual({});
    // who the resident is stays
    expect(k.snap().context.identity).toEqual(identity);
  });
});

describe('submit flow: scanning', () => {
  it('goes back component by component, then to the form, keeping the pages', async () => {
    const k = await toForm();
    fillForm(k);
    k.send({ type: 'submit.next' });
    k.child('scan')?.send({ type: 'test.done', pages: [page(1)] });
    expect(k.snap().context.componentIndex).toBe(1);
    k.child('scan')?.send({ type: 'test.back' });
    expect(k.snap().context.componentIndex).toBe(0);
    // coming back, the step gets the pages already scanned
    expect(k.f.log.scanInputs.at(-1)?.pages).toEqual([page(1)]);
    k.child('scan')?.send({ type: 'test.back' });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    expect(k.snap().context.pages['can-cu']).toEqual([page(1)]);
  });

  it('returns from delivery to the last component', async () => {
    const k = await toForm();
    fillForm(k);
    k.send({ type: 'submit.next' });
    scanAll(k);
    k.send({ type: 'submit.back' });
    expect(k.snap().matches({ draft: 'scanning' })).toBe(true);
    expect(k.f.log.scanInputs.at(-1)?.component.id).toBe('uy-quyen');
  });
});

describe('submit flow: delivery and consent', () => {
  it('needs a method, and a complete recipient for postal delivery', async () => {
    const k = await toForm();
    fillForm(k);
    k.send({ type: 'submit.next' });
    scanAll(k);
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'delivery' })).toBe(true);
    expect(k.snap().context.deliveryTried).toBe(true);
    k.send({ type: 'submit.deliveryMethod', method: 'postal' });
    k.send({ type: 'submit.deliveryField', field: 'phone', value: '091' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'delivery' })).toBe(true);
    k.send({ type: 'submit.deliveryField', field: 'phone', value: '+84912345678' });
    k.send({ type: 'submit.deliveryField', field: 'recipientName', value: '  ' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'delivery' })).toBe(true);
    k.send({ type: 'submit.deliveryField', field: 'recipientName', value: 'Trần Thị Bình' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'consent' })).toBe(true);
  });

  it('refuses a method the procedure does not allow', async () => {
    const k = start(flowInput({ procedureCode: copyOfExtract.code }));
    await k.until((s) => s.matches({ draft: 'identifying' }));
    read(k, { kind: 'identity', identity });
    k.send({ type: 'submit.contactField', field: 'phone', value: '0912345678' });
    k.send({ type: 'submit.next' });
    k.child('scan')?.send({ type: 'test.done', pages: [] });
    expect(k.snap().matches({ draft: 'delivery' })).toBe(true);
    k.send({ type: 'submit.deliveryMethod', method: 'postal' });
    expect(k.snap().context.delivery.method).toBe('counter');
  });

  it('ticks nothing beforehand and goes on only when every purpose that applies is ticked', async () => {
    const k = await toForm();
    fillForm(k);
    k.send({ type: 'submit.next' });
    scanAll(k);
    k.send({ type: 'submit.deliveryMethod', method: 'counter' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'consent' })).toBe(true);
    expect(k.snap().context.consent).toEqual({ purposes: [], givenAt: null });
    k.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    expect(k.snap().matches({ draft: 'consent' })).toBe(true);
    k.send({ type: 'submit.consentToggle', purpose: 'giai-quyet-ho-so' });
    k.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    expect(k.snap().matches({ draft: 'consent' })).toBe(true);
    // the postal purpose is not asked for counter delivery
    k.send({ type: 'submit.consentToggle', purpose: 'lien-he-ve-ho-so' });
    k.send({ type: 'submit.consentGive', at: '2026-01-05T02:09:00.000Z' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
    expect(k.snap().context.consent).toEqual({ purposes: ['giai-quyet-ho-so', 'lien-he-ve-ho-so'], givenAt: '2026-01-05T02:09:00.000Z' });
  });

  it('asks again for "I agree" after a tick changes', async () => {
    const k = await toReview();
    k.send({ type: 'submit.edit', section: 'consent' });
    k.send({ type: 'submit.consentToggle', purpose: 'lien-he-ve-ho-so' });
    expect(k.snap().context.consent.givenAt).toBeNull();
    k.send({ type: 'submit.back' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
    k.send({ type: 'submit.confirm' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
  });
});

describe('submit flow: review', () => {
  it('edits the form and comes back to review', async () => {
    const k = await toReview();
    k.send({ type: 'submit.edit', section: 'form' });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    k.send({ type: 'submit.formField', id: 'wardFullName', value: 'Nguyễn Thị Cúc' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
    expect(k.snap().context.editing).toBe(false);
    expect(k.snap().context.form.wardFullName).toBe('Nguyễn Thị Cúc');
  });

  it('rescans one component and comes back to review, not to the next component', async () => {
    const k = await toReview();
    k.send({ type: 'submit.edit', section: 'scan', component: 'uy-quyen' });
    expect(k.snap().matches({ draft: 'scanning' })).toBe(true);
    expect(k.f.log.scanInputs.at(-1)?.component.id).toBe('uy-quyen');
    k.child('scan')?.send({ type: 'test.done', pages: [page(1)] });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
    expect(k.snap().context.pages['uy-quyen']).toEqual([page(1)]);
    // an unknown component is not an edit
    k.send({ type: 'submit.edit', section: 'scan', component: 'nope' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
  });

  it('reads the card again and comes back through the form', async () => {
    const k = await toReview();
    k.send({ type: 'submit.edit', section: 'identity' });
    expect(k.snap().matches({ draft: { identifying: 'waiting' } })).toBe(true);
    read(k, { kind: 'identity', identity: { ...identity, address: 'Địa chỉ mới, Hà Nội' } });
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
    expect(k.snap().context.identity?.address).toBe('Địa chỉ mới, Hà Nội');
  });

  it('asks for the postal consent when delivery changes to postal', async () => {
    const k = await toReview();
    k.send({ type: 'submit.edit', section: 'delivery' });
    k.send({ type: 'submit.deliveryMethod', method: 'postal' });
    k.send({ type: 'submit.next' });
    expect(k.snap().matches({ draft: 'consent' })).toBe(true);
    k.send({ type: 'submit.consentToggle', purpose: 'gui-ket-qua-buu-chinh' });
    k.send({ type: 'submit.consentGive', at: '2026-01-05T02:11:00.000Z' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
  });

  it('a back from an edited step returns to review', async () => {
    const k = await toReview();
    for (const section of ['form', 'delivery', 'consent'] as const) {
      k.send({ type: 'submit.edit', section });
      k.send({ type: 'submit.back' });
      expect(k.snap().matches({ draft: 'review' }), section).toBe(true);
    }
  });
});

describe('submit flow: submitting', () => {
  it('keeps every answer when the outbox refuses, and retries with the same dossier', async () => {
    const k = await toReview();
    k.f.submitFailures.push(kioskError('DiskFull', 'no room'), kioskError('OutboxIo', 'write failed'));
    k.send({ type: 'submit.confirm' });
    await k.until((s) => s.matches({ draft: { submitting: 'failed' } }));
    expect(k.snap().context.submitError?.kind).toBe('DiskFull');
    const before = k.snap().context;
    k.send({ type: 'submit.retry' });
    await k.until((s) => s.matches({ draft: { submitting: 'failed' } }) && s.context.submitError?.kind === 'OutboxIo');
    k.send({ type: 'submit.retry' });
    await k.until((s) => s.matches('receipt'));
    expect(k.f.submitted).toHaveLength(3);
    expect(k.f.submitted[2]).toEqual(k.f.submitted[0]);
    expect(k.snap().context).toMatchObject({ identity: before.identity, form: before.form, delivery: before.delivery, consent: before.consent, pages: before.pages, submitError: null });
  });

  it('goes back to review from a failure', async () => {
    const k = await toReview();
    k.f.submitFailures.push(kioskError('InvalidDossier', 'component without pages'));
    k.send({ type: 'submit.confirm' });
    await k.until((s) => s.matches({ draft: { submitting: 'failed' } }));
    k.send({ type: 'submit.back' });
    expect(k.snap().matches({ draft: 'review' })).toBe(true);
  });

  it('cannot be cancelled while the dossier is being written', async () => {
    const k = await toReview();
    k.send({ type: 'submit.confirm' });
    expect(k.snap().matches({ draft: { submitting: 'sending' } })).toBe(true);
    expect(k.snap().can({ type: 'submit.cancel' })).toBe(false);
    k.send({ type: 'submit.cancel' });
    expect(k.snap().context.confirmingCancel).toBe(false);
    await k.until((s) => s.matches('receipt'));
  });

  it('can be cancelled from the failure screen: nothing was kept', async () => {
    const k = await toReview();
    k.f.submitFailures.push(kioskError('OutboxIo', 'write failed', { retryable: true }));
    k.send({ type: 'submit.confirm' });
    await k.until((s) => s.matches({ draft: { submitting: 'failed' } }));
    k.send({ type: 'submit.cancel' });
    expect(k.snap().context.confirmingCancel).toBe(true);
    k.send({ type: 'submit.cancelConfirm' });
    expect(k.snap().output).toEqual({ next: 'home' });
  });
});

describe('submit flow: the receipt step', () => {
  /** the real receipt step, its print failing with PaperOut */
  const paperOut = receiptMachine.provide({
    actors: {
      printReceipt: fromPromise<{ printed: true }, { sessionId: string; localCode: string }>(async () => {
        throw kioskError('PaperOut', 'no paper');
      }),
    },
  });

  it('hears the device statuses while the print failed, and says when the printer is ready again', async () => {
    const k = start(flowInput(), { receiptStep: paperOut });
    await toReview(k);
    k.send({ type: 'submit.confirm' });
    await k.until((s) => s.matches('receipt'));
    const receiptStep = () => k.child('receipt')?.getSnapshot() as SnapshotFrom<typeof receiptMachine>;
    await waitFor(k.child('receipt') as AnyActorRef, (s: SnapshotFrom<typeof receiptMachine>) => s.matches('failed'), { timeout: 2000 });
    const out = devicesUp.map((d) => (d.id === 'printer' ? { ...d, state: 'userError' as const, media: 'out' as const } : d));
    k.send({ type: 'core.deviceStatus', devices: out });
    expect(receiptStep().context.printerReady).toBe(false);
    expect(k.snap().context.devices).toEqual(out);
    k.send({ type: 'core.deviceStatus', devices: devicesUp });
    expect(receiptStep().context.printerReady).toBe(true);
    expect(k.snap().context.devices).toEqual(devicesUp);
  });

  it('lets an error of the receipt step go up (the root sends the resident home)', async () => {
    const broken = fromPromise<never>(async () => {
      throw new Error('a defect in the receipt step');
    });
    const k = start(flowInput(), { receiptStep: broken });
    await toReview(k);
    const failed = new Promise<unknown>((resolve) => k.actor.subscribe({ error: resolve }));
    k.send({ type: 'submit.confirm' });
    expect(await failed).toEqual(new Error('a defect in the receipt step'));
    expect(k.snap().status).toBe('error');
  });
});

describe('submit flow: cancel', () => {
  it('asks first, and leaving deletes the draft with the flow', async () => {
    const k = await toForm();
    k.send({ type: 'submit.cancelConfirm' });
    expect(k.snap().status).toBe('active');
    k.send({ type: 'submit.cancel' });
    expect(k.snap().context.confirmingCancel).toBe(true);
    k.send({ type: 'submit.cancelDismiss' });
    expect(k.snap().context.confirmingCancel).toBe(false);
    expect(k.snap().matches({ draft: 'form' })).toBe(true);
    k.send({ type: 'submit.cancel' });
    k.send({ type: 'submit.cancelConfirm' });
    expect(k.snap().status).toBe('done');
    expect(k.snap().output).toEqual({ next: 'home' });
  });

  it('can cancel during scanning', async () => {
    const k = await toForm();
    fillForm(k);
    k.send({ type: 'submit.next' });
    k.send({ type: 'submit.cancel' });
    k.send({ type: 'submit.cancelConfirm' });
    expect(k.snap().output).toEqual({ next: 'home' });
  });
});
