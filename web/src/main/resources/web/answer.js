import { h, mount, PHASES, TITLES, clock } from './dom.js';
import { startAnswer, speak } from './live.js';
import { modeTabs } from './app.js';

// The live phase timeline: a bar per phase, filled to its seconds so far, with a mark at its target.
export function timelineView() {
  const rows = {};
  const el = h('div', { class: 'timeline', id: 'live-timeline' }, PHASES.map((p) => {
    const fill = h('div', { class: 'fill' });
    const target = h('div', { class: 'target' });
    const label = h('span', { class: 'seconds' }, '0 s');
    const bar = h('div', { class: 'bar', 'data-phase': p }, fill, target);
    rows[p] = { fill, target, label, bar };
    return h('div', { class: `phase-${p}` }, h('div', { class: 'bar-label' }, h('span', {}, TITLES[p]), label), bar);
  }));
  const update = (phases) => {
    const scale = Math.max(...phases.map((t) => Math.max(t.seconds, t.targetSeconds)), 1) * 1.1;
    for (const t of phases) {
      const r = rows[t.phase];
      r.fill.style.width = `${(t.seconds / scale) * 100}%`;
      r.target.style.left = `${(t.targetSeconds / scale) * 100}%`;
      r.label.textContent = `${Math.round(t.seconds)} s of ${Math.round(t.targetSeconds)}`;
      r.bar.classList.toggle('long', t.status === 'long');
      r.bar.dataset.seconds = t.seconds;
    }
  };
  return { el, update };
}

// The live transcript: final words coloured by phase, the utterance in progress in italics, tinted by the
// phase the server shows for it (the phase on screen unless it is sure the speaker has moved on).
function transcriptView() {
  const finals = [];
  const el = h('p', { class: 'transcript', id: 'live-transcript' });
  const partial = h('span', { class: 'partial-words' });
  el.append(partial);
  return {
    el,
    words(event) {
      event.words.forEach((w, i) => {
        const at = event.firstChanged + i;
        if (!finals[at]) {
          finals[at] = h('span', { class: 'w' });
          partial.before(finals[at], ' ');
        }
        finals[at].textContent = w.word;
        finals[at].className = `w phase-${w.phase}`;
        finals[at].dataset.phase = w.phase;
      });
      partial.replaceChildren();
    },
    partial(event) {
      const phase = event.phase ? ` phase-${event.phase}` : '';
      partial.replaceChildren(...event.words.map((w) => h('span', { class: `w partial${phase}` }, w.word, ' ')));
      partial.dataset.phase = event.phase || '';
    },
  };
}

function recorder(card, level, mode, { hints, onScored, probe }) {
  const timer = h('div', { class: 'timer', id: 'recording-timer' }, '0:00');
  const status = h('div', { class: 'muted', id: 'recording-status' }, 'Not recording');
  const timeline = timelineView();
  const transcript = transcriptView();
  const nudges = h('ul', { class: 'nudges', id: 'nudges' });
  const error = h('p', { class: 'error', id: 'live-error' });
  const start = h('button', { class: 'primary', id: 'start-answer' }, 'Start answering');
  const stop = h('button', { class: 'stop', id: 'stop-answer', disabled: true }, 'Stop');
  let session = null;
  let ticking = null;
  let began = 0;
  start.onclick = async () => {
    start.disabled = true;
    error.textContent = '';
    try {
      session = await startAnswer({ question: card.id, level, mode, probe }, {
        ready: () => {
          began = performance.now();
          status.textContent = 'Recording…';
          stop.disabled = false;
          ticking = setInterval(() => { timer.textContent = clock((performance.now() - began) / 1000); }, 250);
        },
        partial: (e) => hints && transcript.partial(e),
        words: (e) => hints && transcript.words(e),
        timers: (e) => hints && timeline.update(e.phases),
        nudge: (e) => hints && nudges.append(h('li', {}, e.text)),
        scored: (e) => onScored && onScored(e),
        probe: (e) => onScored && onScored(e),
        error: (e) => { error.textContent = e.message; },
        closed: () => {
          clearInterval(ticking);
          status.textContent = 'Stopped';
          stop.disabled = true;
        },
      });
    } catch (e) {
      error.textContent = `Cannot use the microphone: ${e.message}`;
      start.disabled = false;
    }
  };
  stop.onclick = () => { status.textContent = 'Scoring…'; stop.disabled = true; session && session.stop(); };
  const el = h('div', {}, h('div', { class: 'row' }, start, stop, timer, status), error,
    hints ? h('div', { class: 'card' }, timeline.el) : null,
    hints ? h('div', { class: 'card' }, h('h2', {}, 'Nudges'), nudges) : null,
    hints ? h('div', { class: 'card' }, h('h2', {}, 'Transcript'), transcript.el) : null);
  return { el, start: () => start.click() };
}

export function practiceView(card, level) {
  // no attemptId: the answer was scored but could not be kept (a storage error said why); show the score here
  const r = recorder(card, level, 'practice', { hints: true, onScored: (e) => {
    if (e.attemptId) location.hash = `#/attempt/${e.attemptId}`;
    else r.el.append(h('p', { id: 'not-kept' }, `Scored ${e.transcript.score.total} — not kept, so it will not be in the history.`));
  } });
  mount(h('h1', { id: 'question-title' }, card.question), h('div', { class: 'muted' }, `${card.lp} · ${level.toUpperCase()}`),
    modeTabs(card, level, 'practice'), r.el);
}

// Mock interview: the question is read aloud, no hints while answering, then the card's probes one by one.
export function mockView(card, level) {
  const stage = h('div', { id: 'mock-stage' });
  const begin = h('button', { class: 'primary', id: 'begin-mock' }, 'Begin the interview');
  let attemptId = null;
  const verdicts = h('div', { id: 'probe-verdicts' });

  const askProbe = async (i) => {
    const probes = card.probes || [];
    if (i >= probes.length) {
      stage.replaceChildren(h('p', {}, 'That is the end of the interview.'),
        attemptId ? h('a', { class: 'button primary', href: `#/attempt/${attemptId}`, id: 'see-report' }, 'See the report') : null);
      return;
    }
    stage.replaceChildren(h('h2', {}, `Follow-up ${i + 1} of ${probes.length}`), h('p', { class: 'probe-question' }, probes[i].question));
    await speak(probes[i].question);
    const r = recorder(card, level, 'probe', { hints: false, probe: i, onScored: (e) => {
      const v = e.verdict;
      verdicts.append(h('div', { class: 'card', 'data-verdict': v.verdict },
        h('strong', {}, `${i + 1}. ${v.question}`), h('div', { class: v.verdict === 'strong' ? 'good' : 'bad' }, `Your answer: ${v.verdict}`),
        h('ul', {}, v.reasons.map((x) => h('li', {}, x))), v.keyLine ? h('div', { class: 'muted' }, `Strong answers say: ${v.keyLine}`) : null));
      askProbe(i + 1);
    } });
    stage.append(r.el);
  };

  begin.onclick = async () => {
    begin.disabled = true;
    stage.replaceChildren(h('p', {}, 'The interviewer is asking…'));
    await speak(card.question);
    const r = recorder(card, level, 'mock', { hints: false, onScored: (e) => {
      attemptId = e.attemptId;
      askProbe(0);
    } });
    stage.replaceChildren(h('p', {}, card.question), r.el);
  };
  mount(h('h1', { id: 'question-title' }, 'Mock interview'), h('div', { class: 'muted' }, `${card.lp} · ${level.toUpperCase()}`),
    modeTabs(card, level, 'mock'), h('p', {}, 'The interviewer reads the question aloud. No hints while you answer; then the follow-ups.'),
    begin, stage, verdicts);
}
