import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { guideMachine } from '../../../../renderer/flows/guide/guide-machine.js';
import type { FlowInput } from '../../../../renderer/flows/flow-types.js';
import { buildingPermit, extractCopy, flowInput, marriage, reRegistration, repairPermit, sessionId, stepRecorder } from './guide-fixture.js';

const start = (input: FlowInput = flowInput()) => {
  const steps = stepRecorder();
  const actor = createActor(guideMachine.provide({ actors: { 'session.step': steps.actor } }), { input });
  actor.start();
  return { actor, steps: steps.steps };
};

describe('guide flow: browse', () => {
  it('opens on the categories and marks the guide step', async () => {
    const { actor, steps } = start();
    expect(actor.getSnapshot().value).toBe('categories');
    await Promise.resolve();
    expect(steps).toEqual([{ sessionId, step: 'guide' }]);
  });

  it('goes category → list → detail → submit, handing the procedure to the submit flow', () => {
    const { actor } = start();
    actor.send({ type: 'guide.category', categoryId: 'ho-tich' });
    expect(actor.getSnapshot().value).toBe('list');
    expect(actor.getSnapshot().context.results).toEqual([marriage.code, reRegistration.code, extractCopy.code]);

    actor.send({ type: 'guide.open', procedureCode: marriage.code });
    expect(actor.getSnapshot().value).toBe('detail');
    expect(actor.getSnapshot().context.procedureCode).toBe(marriage.code);
    expect(actor.getSnapshot().can({ type: 'guide.submit' })).toBe(true);

    actor.send({ type: 'guide.submit' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ next: 'flow', choice: 'submit', procedureCode: marriage.code });
  });

  it('hands the procedure to help from the detail', () => {
    const { actor } = start();
    actor.send({ type: 'guide.category', categoryId: 'xay-dung' });
    actor.send({ type: 'guide.open', procedureCode: buildingPermit.code });
    actor.send({ type: 'guide.help' });
    expect(actor.getSnapshot().output).toEqual({ next: 'flow', choice: 'help', procedureCode: buildingPermit.code });
  });

  it('does not offer to submit a procedure the site does not enable', () => {
    const { actor } = start();
    actor.send({ type: 'guide.category', categoryId: 'xay-dung' });
    actor.send({ type: 'guide.open', procedureCode: repairPermit.code });
    expect(actor.getSnapshot().can({ type: 'guide.submit' })).toBe(false);
    actor.send({ type: 'guide.submit' });
    expect(actor.getSnapshot().value).toBe('detail');
  });

  it('goes back detail → list → categories → home', () => {
    const { actor } = start();
    actor.send({ type: 'guide.category', categoryId: 'ho-tich' });
    actor.send({ type: 'guide.open', procedureCode: extractCopy.code });
    actor.send({ type: 'guide.back' });
    expect(actor.getSnapshot().value).toBe('list');
    expect(actor.getSnapshot().context.procedureCode).toBeNull();
    actor.send({ type: 'guide.back' });
    expect(actor.getSnapshot().value).toBe('categories');
    expect(actor.getSnapshot().context.list).toBeNull();
    actor.send({ type: 'guide.back' });
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
  });

  it('goes home from any screen', () => {
    for (const path of [[], ['category'], ['category', 'open']] as const) {
      const { actor } = start();
      if (path.length > 0) actor.send({ type: 'guide.category', categoryId: 'ho-tich' });
      if (path.length > 1) actor.send({ type: 'guide.open', procedureCode: marriage.code });
      actor.send({ type: 'guide.home' });
      expect(actor.getSnapshot().output, path.join('/')).toEqual({ next: 'home' });
    }
  });

  it('ignores a category or procedure the catalog does not have', () => {
    const { actor } = start();
    actor.send({ type: 'guide.category', categoryId: 'khong-co' });
    expect(actor.getSnapshot().value).toBe('categories');
    actor.send({ type: 'guide.category', categoryId: 'ho-tich' });
    actor.send({ type: 'guide.open', procedureCode: '9.999999' });
    expect(actor.getSnapshot().value).toBe('list');
  });

  it('opens straight on the board of a procedure it was handed; Back then leads to the categories', () => {
    const { actor } = start(flowInput({ procedureCode: reRegistration.code }));
    expect(actor.getSnapshot().value).toBe('detail');
    expect(actor.getSnapshot().context.procedureCode).toBe(reRegistration.code);
    actor.send({ type: 'guide.back' });
    expect(actor.getSnapshot().value).toBe('categories');
  });

  it('starts on the categories when handed a code it does not know', () => {
    const { actor } = start(flowInput({ procedureCode: '9.999999' }));
    expect(actor.getSnapshot().value).toBe('categories');
  });
});

describe('guide flow: search', () => {
  const search = (query: string, locale: 'vi' | 'en' = 'vi') => {
    const { actor } = start();
    actor.send({ type: 'guide.query', query });
    actor.send({ type: 'guide.search', locale });
    return actor;
  };

  it('finds "Đăng ký kết hôn" typed without tone marks, in any case', () => {
    for (const query of ['dang ky ket hon', 'DANG KY KET HON', 'Đăng ký kết hôn', '  ket   hon ']) {
      const actor = search(query);
      expect(actor.getSnapshot().value, query).toBe('list');
      expect(actor.getSnapshot().context.results[0], query).toBe(marriage.code);
      expect(actor.getSnapshot().context.list, query).toEqual({ kind: 'search', query: query.trim() });
    }
  });

  it('ranks the exact name first and still lists the wider match', () => {
    const results = search('ket hon').getSnapshot().context.results;
    expect(results).toContain(reRegistration.code);
    expect(results).not.toContain(buildingPermit.code);
  });

  it('searches the English names when the resident reads English', () => {
    expect(search('marriage', 'en').getSnapshot().context.results).toEqual([marriage.code, reRegistration.code]);
  });

  it('shows an empty list, not an error, when nothing matches', () => {
    const actor = search('khong co thu tuc nay');
    expect(actor.getSnapshot().value).toBe('list');
    expect(actor.getSnapshot().context.results).toEqual([]);
  });

  it('does not search an empty box', () => {
    const actor = search('   ');
    expect(actor.getSnapshot().value).toBe('categories');
  });

  it('keeps the query when the resident comes back to the categories, and Back from a result returns to the results', () => {
    const actor = search('giay phep');
    actor.send({ type: 'guide.open', procedureCode: buildingPermit.code });
    actor.send({ type: 'guide.back' });
    expect(actor.getSnapshot().value).toBe('list');
    expect(actor.getSnapshot().context.list).toEqual({ kind: 'search', query: 'giay phep' });
    actor.send({ type: 'guide.back' });
    expect(actor.getSnapshot().context.query).toBe('giay phep');
  });

  it('caps the query length', () => {
    const { actor } = start();
    actor.send({ type: 'guide.query', query: 'a'.repeat(500) });
    expect(actor.getSnapshot().context.query.length).toBe(100);
  });
});
