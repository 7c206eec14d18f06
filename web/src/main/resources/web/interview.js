import { h, mount, fill, api, notice, TITLES, clock, secs, STATUS } from './dom.js';
import { recorder, leaveAnswer } from './answer.js';
import { speak } from './live.js';

// A mock interview of several questions, as a real loop runs: 3 to 5 questions (picked, or picked for you across
// Leadership Principles at your level), time to think before each (a countdown you may cut short), each answered
// through the live answer with no hints, then one report for the whole interview, kept in History.
const FEWEST = 3;
const MOST = 5;
const LEVELS = ['sde1', 'sde2', 'senior'];
const json = (body) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function interviewSetupView() {
  const level = h('select', { id: 'interview-level' }, LEVELS.map((l) => h('option', { value: l, selected: l === 'sde2' }, l.toUpperCase())));
  const thinking = h('select', { id: 'interview-thinking' }, [0, 15, 30, 60, 90].map((s) =>
    h('option', { value: s, selected: s === 30 }, s ? `${s} s` : 'None')));
  const howMany = h('select', { id: 'interview-count', 'aria-label': 'How many questions to pick for you' },
    [3, 4, 5].map((n) => h('option', { value: n }, `${n} questions`)));
  const list = h('ul', { class: 'interview-pick', id: 'interview-questions' });
  const count = h('p', { id: 'interview-picked', role: 'status' });
  const error = h('p', { class: 'error', id: 'interview-error', role: 'alert' });
  const begin = h('button', { type: 'submit', class: 'primary', id: 'begin-interview', disabled: true }, 'Begin the interview');
  const picked = () => [...list.querySelectorAll('input:checked')].map((c) => c.value);
  const counted = () => {
    const n = picked().length;
    begin.disabled = n < FEWEST || n > MOST;
    count.textContent = n === 0 ? `Pick ${FEWEST} to ${MOST} questions, or let StarPace pick them.`
      : n < FEWEST ? `${n} picked: pick ${FEWEST - n} more.` : n > MOST ? `${n} picked: ${MOST} at most.` : `${n} picked.`;
  };
  const render = async () => {
    const chosen = new Set(picked());
    const cards = (await api(`/api/questions?level=${encodeURIComponent(level.value)}`)).filter((q) => q.lp !== 'General');
    fill(list, cards.map((q) => {
      const id = `pick-${q.id}`;
      return h('li', {}, h('input', { type: 'checkbox', id, value: q.id, checked: chosen.has(q.id), onchange: counted }),
        h('label', { for: id }, h('span', {}, q.question), ' ', h('span', { class: 'muted' }, `(${q.lp})`)));
    }));
    counted();
  };
  level.onchange = render;
  const start = async (body) => {
    error.textContent = '';
    try {
      const interview = await api('/api/interviews', { method: 'POST', ...json({ level: level.value, thinkingSeconds: Number(thinking.value), ...body }) });
      await runInterview(interview);
    } catch (e) {
      error.textContent = e.message;
    }
  };
  const pickForMe = h('button', { type: 'button', id: 'pick-for-me', onclick: () => start({ pick: Number(howMany.value) }) }, 'Pick for me and begin');
  mount(h('h1', {}, 'Mock interview'),
    h('p', {}, 'Several questions in a row, as in a real interview loop: time to think before each, no hints while you answer, and one report at the end.'),
    h('form', { id: 'interview-form', onsubmit: (e) => { e.preventDefault(); start({ questions: picked() }); } },
      h('div', { class: 'row' }, h('label', { for: 'interview-level' }, 'Level'), level,
        h('label', { for: 'interview-thinking' }, 'Thinking time before each question'), thinking),
      h('section', { class: 'card' }, h('h2', {}, 'Let StarPace pick'),
        h('p', { class: 'muted' }, 'Questions from different Leadership Principles, each written for your level.'),
        h('div', { class: 'row' }, howMany, pickForMe)),
      h('section', { class: 'card' }, h('h2', {}, 'Or pick the questions yourself'), count, list, begin),
      error));
  await render();
}

// Asks each question in turn: read aloud (when the browser has a voice) and shown, a countdown to think, then the
// answer through the live socket; each take is recorded as the interview's answer to that question.
async function runInterview(interview) {
  const stage = h('div', { id: 'interview-stage' });
  const voice = h('p', { class: 'notice-inline', id: 'interview-voice', hidden: true },
    'This browser has no voice to read aloud, so each question is shown here instead.');
  const done = () => { leaveAnswer(true); location.hash = `#/interview/${encodeURIComponent(interview.id)}`; };
  mount(h('h1', {}, 'Mock interview'), h('div', { class: 'muted' }, `${interview.level.toUpperCase()} · ${interview.questions.length} questions`),
    voice, stage, h('div', { class: 'row' }, h('button', { type: 'button', id: 'end-interview', onclick: done }, 'End the interview and see the report')));
  let ticking = null;
  const ask = async (k) => {
    clearInterval(ticking);
    if (k >= interview.questions.length) { done(); return; }
    const q = interview.questions[k];
    const card = await api(`/api/questions/${encodeURIComponent(q.id)}`);
    const r = recorder(card, interview.level, 'interview', { hints: false, label: 'the interview', onScored: async (e) => {
      // a take that could not be kept (a storage error said why) is left out of the report, which says so
      if (e.attemptId) {
        try {
          await api(`/api/interviews/${encodeURIComponent(interview.id)}/answers/${k}`, { method: 'PUT', ...json({ attemptId: e.attemptId }) });
        } catch (err) {
          notice(`Your answer to question ${k + 1} is in History, but not in this interview's report: ${err.message}`);
        }
      }
      ask(k + 1);
    } });
    const left = h('span', { id: 'thinking-left', class: 'timer', role: 'timer', 'aria-label': 'thinking time left' }, clock(interview.thinkingSeconds));
    const answerNow = () => { clearInterval(ticking); thinkingBox.hidden = true; r.start(); };
    const thinkingBox = h('div', { class: 'card thinking', id: 'thinking' }, h('span', {}, 'Time to think: '), left, ' ',
      h('button', { type: 'button', id: 'skip-thinking', onclick: answerNow }, 'Start answering now'));
    const skip = h('button', { type: 'button', id: 'skip-question', onclick: () => { leaveAnswer(true); ask(k + 1); } }, 'Skip this question');
    fill(stage, h('h2', { id: 'interview-step', tabindex: '-1' }, `Question ${k + 1} of ${interview.questions.length}`),
      h('p', { class: 'interview-question', id: 'interview-question' }, q.question),
      interview.thinkingSeconds > 0 ? thinkingBox : null, r.el, h('div', { class: 'row' }, skip));
    document.getElementById('interview-step').focus();
    const mine = ++asked;
    const read = speak(q.question).then((spoke) => { if (!spoke) voice.hidden = false; });
    if (interview.thinkingSeconds > 0) {
      const until = performance.now() + interview.thinkingSeconds * 1000;
      ticking = setInterval(() => {
        const rest = (until - performance.now()) / 1000;
        if (rest <= 0) answerNow(); else left.textContent = clock(Math.ceil(rest));
      }, 250);
    } else {
      // no thinking time: the answer begins once the question has been read, so the microphone does not hear it
      await read;
      if (mine === asked && stage.isConnected) r.start();
    }
  };
  let asked = 0;
  window.addEventListener('hashchange', () => clearInterval(ticking), { once: true });
  await ask(0);
}

// One report for the whole interview: each question with its take's verdict, score and phase timings and a link to
// that take's own report; the strengths and gaps that held across the answers.
export async function interviewReportView(id) {
  const r = await api(`/api/interviews/${encodeURIComponent(id)}`);
  const o = r.overall;
  const points = (id_, title, items, none) => h('section', { class: 'card', id: id_ }, h('h2', {}, title),
    items.length ? h('ul', {}, items.map((x) => h('li', {}, x))) : h('p', { class: 'muted' }, none));
  const answers = r.answers.map((a) => h('li', { class: 'card interview-answer', 'data-position': a.position, 'data-answered': a.attemptId ? 'yes' : 'no' },
    h('h3', {}, `${a.position + 1}. ${a.question}`), h('div', { class: 'muted' }, a.lp),
    a.attemptId ? [
      h('p', { class: 'interview-verdict' }, h('b', {}, a.verdict ?? 'Not scored'), a.score == null ? '' : ` · ${a.score}/100`,
        a.durationSeconds == null ? '' : ` · ${clock(a.durationSeconds)}`, a.status === 'complete' ? '' : ' · cut off'),
      a.phases.length ? h('table', { class: 'interview-phases' }, h('caption', { class: 'sr-only' }, `Phase timings of answer ${a.position + 1}`),
        h('tbody', {}, a.phases.map((p) => h('tr', { 'data-phase': p.phase, class: `phase-${p.phase}` },
          h('th', { scope: 'row' }, h('span', { class: 'chip' }, TITLES[p.phase])),
          h('td', {}, `${secs(p.seconds)} of ${Math.round(p.targetSeconds)}`), h('td', {}, STATUS[p.status]))))) : null,
      h('a', { class: 'button take-report', href: `#/attempt/${encodeURIComponent(a.attemptId)}` }, `See answer ${a.position + 1}’s own report`),
    ] : h('p', { class: 'not-answered' }, 'Not answered.')));
  mount(h('h1', {}, 'Interview report'),
    h('div', { class: 'muted', id: 'interview-meta' }, `${r.level.toUpperCase()} · ${o.asked} questions · ${new Date(r.startedAt).toLocaleString()}`
      + ` · ${r.thinkingSeconds ? `${r.thinkingSeconds} s to think before each` : 'no thinking time'}`),
    h('div', { class: 'card row' }, h('div', { class: 'score', id: 'interview-average' }, o.averageScore == null ? '–' : `${o.averageScore}/100`),
      h('div', { id: 'interview-answered' }, o.averageScore == null ? 'No question was answered.'
        : `The average of ${o.answered} of ${o.asked} answers.`)),
    h('div', { class: 'grid2' }, points('interview-strengths', 'Strengths', o.strengths, 'Nothing held in every answer yet.'),
      points('interview-gaps', 'Gaps', o.gaps, 'No gap in half the answers or more.')),
    h('h2', {}, 'Each answer'), h('ol', { class: 'interview-answers', id: 'interview-answers' }, answers),
    h('div', { class: 'row' }, h('a', { class: 'button primary', href: '#/interview', id: 'another-interview' }, 'Begin another interview'),
      h('a', { class: 'button', href: '#/history' }, 'History')));
}

// History's list of interviews, newest first, each linking to its report.
export async function interviewHistory() {
  const all = await api('/api/interviews');
  if (!all.length) return null;
  return h('section', { class: 'card', id: 'interview-history' }, h('h2', {}, 'Mock interviews'),
    h('ul', {}, all.map((i) => h('li', { 'data-interview': i.id },
      h('a', { href: `#/interview/${encodeURIComponent(i.id)}` }, new Date(i.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })),
      ` · ${i.level.toUpperCase()} · ${i.answered} of ${i.questions.length} answered`,
      i.averageScore == null ? '' : ` · average ${i.averageScore}/100`))));
}
