import { assign, fromPromise, setup, spawnChild } from 'xstate';
import type { Procedure } from '../../../common/catalog/catalog-schema.js';
import { searchProcedures } from '../../../common/catalog/search.js';
import type { Locale } from '../../../common/domain/locale.js';
import type { JourneyStep } from '../../../common/kiosk-api/journey-contract.js';
import type { FlowInput, FlowOutput } from '../flow-types.js';

// The public guide board (issue #5): browse by category or search, then one procedure's
// facts. No I/O but the statistics step mark; the catalog came with the flow's input.

/** the longest query the search box keeps: procedure names are far shorter */
export const maxQueryLength = 100;

const notProvided = (name: string) => () => {
  throw new Error(`actor ${name} must be provided (see renderer/flows/guide/guide-actors.ts)`);
};

export interface StepMark {
  sessionId: string;
  step: JourneyStep;
}

/** the list a resident is browsing; Back from a procedure returns to it */
export type GuideList = { kind: 'category'; categoryId: string } | { kind: 'search'; query: string };

export interface GuideContext {
  input: FlowInput;
  /** the search box, as typed */
  query: string;
  list: GuideList | null;
  /** procedure codes the list shows, in order */
  results: string[];
  /** the procedure on the detail screen */
  procedureCode: string | null;
  out: FlowOutput;
}

// `locale` rides on the search event: the resident may switch language after the flow began.
export type GuideEvent =
  | { type: 'guide.query'; query: string }
  | { type: 'guide.search'; locale: Locale }
  | { type: 'guide.category'; categoryId: string }
  | { type: 'guide.open'; procedureCode: string }
  | { type: 'guide.submit' }
  | { type: 'guide.help' }
  | { type: 'guide.back' }
  | { type: 'guide.home' };

const findProcedure = (input: FlowInput, code: string | null): Procedure | null =>
  code === null ? null : (input.catalog.procedures.find((p) => p.code === code) ?? null);

export const guideMachine = setup({
  types: {
    input: {} as FlowInput,
    output: {} as FlowOutput,
    context: {} as GuideContext,
    events: {} as GuideEvent,
  },
  actors: {
    'session.step': fromPromise<void, StepMark>(notProvided('session.step')),
  },
  guards: {
    handedAProcedure: ({ context }) => findProcedure(context.input, context.input.procedureCode) !== null,
    hasQuery: ({ context }) => context.query.trim() !== '',
    knownCategory: ({ context, event }) =>
      event.type === 'guide.category' && context.input.catalog.categories.some((c) => c.id === event.categoryId),
    knownProcedure: ({ context, event }) => event.type === 'guide.open' && findProcedure(context.input, event.procedureCode) !== null,
    // the catalog holds only what the site enables; checked again so a stale catalog cannot start a disabled submission
    canSubmit: ({ context }) => context.procedureCode !== null && context.input.config.procedures.includes(context.procedureCode),
    fromList: ({ context }) => context.list !== null,
  },
  actions: {
    markStep: spawnChild('session.step', { id: 'markStep', input: ({ context }): StepMark => ({ sessionId: context.input.sessionId, step: 'guide' }) }),
    openHandedProcedure: assign({ procedureCode: ({ context }) => context.input.procedureCode }),
    setQuery: assign({ query: ({ context, event }) => (event.type === 'guide.query' ? event.query.slice(0, maxQueryLength) : context.query) }),
    showSearch: assign(({ context, event }) => {
      const locale = event.type === 'guide.search' ? event.locale : context.input.locale;
      const query = context.query.trim();
      return { list: { kind: 'search' as const, query }, results: searchProcedures(context.input.catalog, query, locale).map((p) => p.code) };
    }),
    showCategory: assign(({ context, event }) => {
      if (event.type !== 'guide.category') return {};
      const results = context.input.catalog.procedures.filter((p) => p.category === event.categoryId).map((p) => p.code);
      return { list: { kind: 'category' as const, categoryId: event.categoryId }, results };
    }),
    forgetList: assign({ list: null, results: [] }),
    openProcedure: assign({ procedureCode: ({ context, event }) => (event.type === 'guide.open' ? event.procedureCode : context.procedureCode) }),
    closeProcedure: assign({ procedureCode: null }),
    leaveHome: assign({ out: { next: 'home' } }),
    leaveToSubmit: assign({
      out: ({ context }): FlowOutput => ({ next: 'flow', choice: 'submit', procedureCode: context.procedureCode ?? undefined }),
    }),
    leaveToHelp: assign({
      out: ({ context }): FlowOutput => ({ next: 'flow', choice: 'help', procedureCode: context.procedureCode ?? undefined }),
    }),
  },
}).createMachine({
  id: 'guide',
  context: ({ input }) => ({ input, query: '', list: null, results: [], procedureCode: null, out: { next: 'home' } }),
  entry: 'markStep',
  initial: 'start',
  on: {
    'guide.home': { target: '.done', actions: 'leaveHome' },
  },
  states: {
    // handed a procedure (help → guide): straight to its board
    start: {
      always: [{ guard: 'handedAProcedure', target: 'detail', actions: 'openHandedProcedure' }, { target: 'categories' }],
    },
    categories: {
      on: {
        'guide.query': { actions: 'setQuery' },
        'guide.search': { guard: 'hasQuery', target: 'list', actions: 'showSearch' },
        'guide.category': { guard: 'knownCategory', target: 'list', actions: 'showCategory' },
        'guide.back': { target: 'done', actions: 'leaveHome' },
      },
    },
    list: {
      on: {
        'guide.open': { guard: 'knownProcedure', target: 'detail', actions: 'openProcedure' },
        'guide.back': { target: 'categories', actions: 'forgetList' },
      },
    },
    detail: {
      on: {
        'guide.submit': { guard: 'canSubmit', target: 'done', actions: 'leaveToSubmit' },
        'guide.help': { target: 'done', actions: 'leaveToHelp' },
        'guide.back': [
          { guard: 'fromList', target: 'list', actions: 'closeProcedure' },
          { target: 'categories', actions: 'closeProcedure' },
        ],
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.out,
});

export type GuideMachine = typeof guideMachine;
