import { h, mount, fill, api, notice, PHASES, TITLES, clock, secs, STATUS } from './dom.js';
import { startAnswer, speak, listen } from './live.js';
import { qualityMeter, qualityLine, microphoneSilent } from './quality.js';
import { phaseLegend } from './report.js';
import { historyView } from './history.js';
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
      r.label.textContent = `${secs(t.seconds)} of ${Math.round(t.targetSeconds)}${t.status === 'missing' ? '' : ` · ${STATUS[t.status]}`}`;
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
  // each phase named where it begins, as in the report, so that the phases are not told by colour alone; drawn again
  // after each update, since the server may move a word to another phase
  const labelPhases = () => {
    el.querySelectorAll('.phase-start').forEach((l) => l.remove());
    let shown = null;
    finals.forEach((w) => {
      if (w && w.dataset.phase !== shown) {
        shown = w.dataset.phase;
        w.before(h('span', { class: `phase-start phase-${shown}` }, TITLES[shown] || shown));
      }
    });
  };
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
      labelPhases();
    },
    partial(event) {
      const phase = event.phase ? ` phase-${event.phase}` : '';
      partial.replaceChildren(...event.words.map((w) => h('span', { class: `w partial${phase}` }, w.word, ' ')));
      partial.dataset.phase = event.phase || '';
    },
  };
}

// The answer that holds the microphone now, so that leaving the view can stop it.
let current = null;

// Leaving the view stops the answer and keeps it; the notice says so and links to it once it is scored.
export function leaveAnswer(quietly = false) {
  if (!current) return false;
  const leaving = current;
  current = null;
  leaving.leave(quietly);
  return true;
}
window.addEventListener('pagehide', () => leaveAnswer());

// A microphone check: the level meter moves with your voice before you answer, and after a few seconds it says how
// clear the recording is (noise, clipping, level), as the report will.
// silent(true) while the check hears no sound at all, silent(false) once it does or the check ends.
function micCheck(silent = () => {}) {
  const meter = h('meter', { id: 'check-meter', min: 0, max: 1, low: 0.25, optimum: 0.6, value: 0, 'aria-label': 'microphone level' });
  const said = h('span', { id: 'mic-check-status', class: 'muted' }, '');
  const clarity = h('p', { id: 'mic-check-quality', role: 'status' }, '');
  let open = null;
  let heard = false;
  const button = h('button', { id: 'mic-check' }, 'Check the microphone');
  const stopCheck = () => {
    if (open) { open.close(); open = null; }
    button.textContent = 'Check the microphone';
    silent(false);
    window.removeEventListener('hashchange', stopCheck);
  };
  button.onclick = async () => {
    if (open) { stopCheck(); return; }
    try {
      const quality = qualityMeter();
      let frames = 0;
      open = await listen((v) => {
        meter.value = v;
        if (v > 0.25 && !heard) { heard = true; said.textContent = 'We can hear you.'; }
      }, (frame) => {
        quality.add(frame);
        // once a second, after three seconds: long enough to hear both your voice and the room
        if (++frames >= 30 && frames % 10 === 0) {
          const q = quality.estimate();
          const nothing = microphoneSilent(q);
          clarity.textContent = qualityLine(q);
          clarity.className = q && q.problems.length ? 'quality-warning' : 'muted';
          if (!heard) said.textContent = nothing ? 'Nothing heard yet.' : 'Say a few words…';
          silent(nothing);
        }
      });
      clarity.textContent = '';
      heard = false;
      said.textContent = 'Say a few words…';
      button.textContent = 'End the check';
      window.addEventListener('hashchange', stopCheck);
    } catch (e) {
      said.textContent = microphoneProblem(e);
    }
  };
  const stop = () => { stopCheck(); clarity.textContent = ''; clarity.className = ''; said.textContent = ''; };
  return { el: h('div', {}, h('div', { class: 'row mic-check' }, button, meter, said), clarity), stop };
}

function microphoneProblem(e) {
  return e && e.name === 'NotAllowedError' ? 'The browser was not allowed to use the microphone: allow it in the address bar, then try again.'
    : e && e.name === 'NotFoundError' ? 'No microphone found: plug one in, then try again.'
      : 'The microphone could not be opened: check it is connected and not used by another app.';
}

export function recorder(card, level, mode, { hints, onScored, probe, attemptId, label = 'Practice' }) {
  const timer = h('div', { class: 'timer', id: 'recording-timer' }, '0:00');
  const status = h('div', { class: 'muted', id: 'recording-status' }, 'Not recording');
  const live = h('div', { class: 'recording-indicator', id: 'recording-indicator', hidden: true }, h('span', { class: 'dot', 'aria-hidden': 'true' }), 'Microphone on');
  const meter = h('meter', { id: 'level-meter', min: 0, max: 1, low: 0.25, optimum: 0.6, value: 0, 'aria-label': 'microphone level', hidden: true });
  const timeline = timelineView();
  const transcript = transcriptView();
  const nudges = h('ul', { class: 'nudges', id: 'nudges', 'aria-live': 'polite', 'aria-label': 'nudges' });
  const warning = h('p', { class: 'quality-warning', id: 'quality-warning', role: 'status', hidden: true });
  const error = h('p', { class: 'error', id: 'live-error', role: 'alert' });
  const start = h('button', { class: 'primary', id: 'start-answer' }, 'Start answering');
  const stop = h('button', { class: 'stop', id: 'stop-answer', disabled: true }, 'Stop');
  // a check that hears no sound at all holds Start back: an answer into a muted microphone is lost time
  const held = h('span', { class: 'muted', id: 'start-held', hidden: true }, 'Start waits until the microphone hears you (or end the check).');
  const check = micCheck((nothing) => { start.disabled = nothing; held.hidden = !nothing; });
  let session = null;
  let ticking = null;
  let began = 0;
  let left = false;
  let silent = false;
  const me = {
    // quietly: the candidate moved on within the view (skipped a follow-up), so there is nothing to announce
    leave(quietly) {
      left = true;
      silent = quietly;
      if (!quietly) notice(`Recording stopped when you left ${label}. What you said is being saved…`);
      session && session.stop('left');
    },
  };
  const finished = () => {
    clearInterval(ticking);
    live.hidden = true;
    meter.hidden = true;
    stop.disabled = true;
    if (current === me) current = null;
  };
  start.onclick = async () => {
    check.stop();
    start.disabled = true;
    error.textContent = '';
    let scored = false;
    try {
      session = await startAnswer({ question: card.id, level, mode, probe, attemptId }, {
        ready: (e) => {
          // the targets at this level, before a word is heard
          if (hints && e.targets) timeline.update(PHASES.map((p) => ({ phase: p, seconds: 0, targetSeconds: e.targets[p], status: 'missing' })));
          began = performance.now();
          status.textContent = 'Recording…';
          live.hidden = false;
          meter.hidden = false;
          stop.disabled = false;
          ticking = setInterval(() => { timer.textContent = clock((performance.now() - began) / 1000); }, 250);
        },
        level: (v) => { meter.value = v; },
        partial: (e) => hints && transcript.partial(e),
        words: (e) => hints && transcript.words(e),
        timers: (e) => hints && timeline.update(e.phases),
        nudge: (e) => hints && nudges.append(h('li', {}, e.text)),
        // the server's view of the recording: a warning while it is noisy, clipped or quiet, gone when it clears
        quality: (e) => { warning.hidden = !e.problems.length; warning.textContent = qualityLine(e); },
        scored: (e) => {
          scored = true;
          // answered: the microphone is free, so moving on to the report is not leaving an answer
          if (current === me) current = null;
          if (left && !silent) {
            notice(`Recording stopped when you left ${label}. Your answer is saved: `, h('a', { href: `#/attempt/${e.attemptId}`, id: 'notice-report' }, 'see its report'), '.');
            // the history on screen was drawn while the answer was still being saved
            if (location.hash.startsWith('#/history')) historyView();
          }
          else if (onScored) onScored(e);
        },
        probe: (e) => {
          scored = true;
          if (current === me) current = null;
          if (!left && onScored) onScored(e);
        },
        error: (e) => {
          error.textContent = e.message;
          // the error says what to do; a quality warning under it would say it twice
          if (e.code === 'no-speech') warning.hidden = true;
          if (left && !silent) notice(`Recording stopped when you left ${label}: ${e.message}`);
        },
        closed: () => {
          finished();
          if (left && !silent && !scored && !error.textContent) notice(`Recording stopped when you left ${label}. What was heard is kept in History.`);
          // every way an answer ends leaves the page ready for another go
          status.textContent = scored ? 'Stopped' : 'Stopped: start again when you are ready';
          start.disabled = false;
        },
      });
      current = me;
    } catch (e) {
      error.textContent = microphoneProblem(e);
      start.disabled = false;
    }
  };
  stop.onclick = () => { status.textContent = 'Scoring…'; stop.disabled = true; session && session.stop(); };
  // the controls and the nudges stay in view while answering (sticky at the top on a phone, where the time line and
  // transcript push everything else below the fold): a nudge is no use if it is not seen when it comes
  const panel = h('div', { class: 'live-panel', id: 'live-panel' }, h('div', { class: 'row' }, start, stop, timer, live, meter, status),
    hints ? h('div', { class: 'nudge-box', id: 'nudge-box' }, h('h2', { class: 'sr-only' }, 'Nudges'), nudges) : null);
  // the targets at this level before Start, so the time line shows what each phase is aiming for from the outset
  if (hints) {
    api(`/api/questions/${encodeURIComponent(card.id)}/targets?level=${encodeURIComponent(level)}`).then((targets) => {
      if (!session) timeline.update(PHASES.map((p) => ({ phase: p, seconds: 0, targetSeconds: targets[p], status: 'missing' })));
    }).catch(() => {});
  }
  const el = h('div', {}, hints ? check.el : null, panel, held, error, warning,
    hints ? h('div', { class: 'card' }, timeline.el, phaseLegend()) : null,
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

// Mock interview: the question is read aloud (or shown, when the browser has no voice), no hints while
// answering, then follow-ups chosen to fit what was said. As in a real interview, nothing is judged aloud until it
// ends: then each follow-up's verdict, what was skipped, and the report. A follow-up can be answered again at the
// end; the new answer replaces the earlier one, and the page says so.
export function mockView(card, level) {
  const stage = h('div', { id: 'mock-stage' });
  const begin = h('button', { class: 'primary', id: 'begin-mock' }, 'Begin the interview');
  const voice = h('p', { class: 'notice-inline', id: 'voice-notice', hidden: true },
    'This browser has no voice to read aloud, so the interviewer’s questions are shown here instead.');
  const verdicts = h('div', { id: 'probe-verdicts' });
  let attemptId = null;
  let order = [];
  let answers = new Map(); // follow-up number → { verdict, again }
  let skipped = new Set();

  const ask = async (text) => {
    const spoke = await speak(text);
    if (!spoke) voice.hidden = false;
  };

  const verdictBox = (k) => {
    const { verdict: v, again: replaced } = answers.get(k);
    const again = h('button', { class: 'retry-probe', 'aria-label': `Answer follow-up ${k + 1} again (replaces this answer)` }, 'Answer it again (replaces this answer)');
    again.onclick = () => { leaveAnswer(true); askProbe(k, true); };
    return h('div', { class: 'card', 'data-verdict': v.verdict, 'data-probe': order[k].index },
      h('strong', {}, `${k + 1}. ${v.question}`), h('div', { class: v.verdict === 'strong' ? 'good' : v.verdict === 'weak' ? 'bad' : 'mixed' }, `Your answer: ${v.verdict}`),
      replaced ? h('div', { class: 'muted replaced' }, 'Answered again: this answer replaced the earlier one.') : null,
      h('ul', {}, v.reasons.map((x) => h('li', {}, x))), v.keyLine ? h('div', { class: 'muted' }, `Strong answers say: ${v.keyLine}`) : null, again);
  };

  // the end: every verdict at once, what was skipped or not reached, the report, and a new interview
  const finish = () => {
    leaveAnswer(true);
    const notAsked = order.map((p, k) => k).filter((k) => !answers.has(k) && !skipped.has(k));
    fill(verdicts, [...answers.keys()].sort((x, y) => x - y).map(verdictBox),
      skipped.size ? h('div', { class: 'card', id: 'skipped-probes' }, h('strong', {}, 'Skipped'),
        h('ul', {}, [...skipped].sort((x, y) => x - y).map((k) => h('li', {}, `${k + 1}. ${order[k].question}`)))) : null,
      notAsked.length ? h('div', { class: 'card muted', id: 'unasked-probes' }, h('strong', {}, 'Not answered before the interview ended'),
        h('ul', {}, notAsked.map((k) => h('li', {}, `${k + 1}. ${order[k].question}`)))) : null);
    fill(stage, h('h2', { id: 'interview-end', tabindex: '-1' }, 'That is the end of the interview.'),
      attemptId ? h('a', { class: 'button primary', href: `#/attempt/${attemptId}`, id: 'see-report' }, 'See the report') : null);
    begin.textContent = 'Begin a new interview';
    begin.disabled = false;
    document.getElementById('interview-end').focus();
  };

  // again: answering a follow-up once more from the end, which returns to the end
  const askProbe = async (k, again = false) => {
    if (k >= order.length) { finish(); return; }
    const p = order[k];
    const skip = h('button', { id: 'skip-probe' }, 'Skip this follow-up');
    const end = h('button', { id: 'end-interview' }, 'End the interview');
    skip.onclick = () => { leaveAnswer(true); if (!answers.has(k)) skipped.add(k); if (again) finish(); else askProbe(k + 1); };
    end.onclick = () => { finish(); };
    const r = recorder(card, level, 'probe', { hints: false, probe: p.index, attemptId, label: 'the interview', onScored: (e) => {
      answers.set(k, { verdict: e.verdict, again: again || answers.has(k) });
      skipped.delete(k);
      if (again) finish(); else askProbe(k + 1);
    } });
    fill(verdicts);
    fill(stage, h('h2', { tabindex: '-1', id: 'follow-up-title' }, `Follow-up ${k + 1} of ${order.length}`), h('p', { class: 'probe-question' }, p.question),
      answers.size || skipped.size ? h('p', { class: 'muted', id: 'interview-progress' },
        `${answers.size} answered${skipped.size ? `, ${skipped.size} skipped` : ''} so far; the verdicts come at the end.`) : null,
      r.el, h('div', { class: 'row' }, skip, end));
    document.getElementById('follow-up-title').focus();
    await ask(p.question);
  };

  begin.onclick = async () => {
    begin.disabled = true;
    attemptId = null;
    order = [];
    answers = new Map();
    skipped = new Set();
    fill(verdicts);
    const r = recorder(card, level, 'mock', { hints: false, label: 'the interview', onScored: async (e) => {
      attemptId = e.attemptId;
      // an answer scored but not kept (a storage error said why) has no attempt to fit the follow-ups to:
      // they come in the card's order
      const inCardOrder = () => (card.probes || []).map((p, index) => ({ index, question: p.question }));
      if (!attemptId) verdicts.before(h('p', { id: 'not-kept' }, `Scored ${e.transcript.score.total} — not kept, so it will not be in the history.`));
      try {
        order = attemptId ? await api(`/api/attempts/${encodeURIComponent(attemptId)}/probes`) : inCardOrder();
      } catch (err) {
        order = inCardOrder();
      }
      askProbe(0);
    } });
    fill(stage, h('p', { class: 'interview-question', id: 'interview-question' }, card.question), r.el);
    await ask(card.question);
  };
  mount(h('h1', { id: 'question-title' }, 'Mock interview'), h('div', { class: 'muted' }, `${card.lp} · ${level.toUpperCase()}`),
    modeTabs(card, level, 'mock'), h('p', {}, 'The interviewer reads the question aloud. No hints while you answer; then the follow-ups, and their verdicts at the end.'),
    voice, begin, stage, verdicts);
}
