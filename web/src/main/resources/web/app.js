import { h, mount, api, notice, PHASES, TITLES, loadFacts } from './dom.js';
import { practiceView, mockView, leaveAnswer } from './answer.js';
import { typedView } from './typed.js';
import { reportView } from './report.js';
import { historyView, compareView } from './history.js';
import { teamRoute, teamPanel } from './team.js';
import { storiesView } from './stories.js';
import { interviewSetupView, interviewReportView } from './interview.js';

let facts = null;

// Hash routes: #/  #/q/ID/study|practice|mock  #/history  #/stories  #/interview  #/interview/ID  #/attempt/ID  #/compare/A/B
async function route() {
  // leaving a view stops an answer in progress (and says so); otherwise the last notice has served its turn
  if (!leaveAnswer()) notice();
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    // a failed fetch is tried again on the next view
    if (!facts) facts = loadFacts().catch((e) => { facts = null; throw e; });
    await facts;
    if (await teamRoute(parts)) {
      // team mode's cohorts and review queue (team.js)
    } else if (parts[0] === 'q' && parts[1]) {
      const card = await api(`/api/questions/${encodeURIComponent(parts[1])}`);
      const level = new URLSearchParams(location.hash.split('?')[1] || '').get('level') || 'sde2';
      const mode = (parts[2] || 'study').split('?')[0];
      const views = { study: studyView, practice: practiceView, mock: mockView, write: typedView };
      await (views[mode] || studyView)(card, level);
    } else if (parts[0] === 'history') {
      await historyView();
    } else if (parts[0] === 'stories') {
      await storiesView();
    } else if (parts[0] === 'interview') {
      await (parts[1] ? interviewReportView(parts[1]) : interviewSetupView());
    } else if (parts[0] === 'attempt' && parts[1]) {
      await reportView(parts[1]);
      await teamPanel(parts[1]);
    } else if (parts[0] === 'compare' && parts[2]) {
      await compareView(parts[1], parts[2]);
    } else {
      await questionsView();
    }
  } catch (e) {
    mount(h('p', { class: 'error', id: 'error', role: 'alert' }, e.message), h('p', {}, h('a', { href: '#/' }, 'Back to the questions')));
  }
  arrived();
}

// After a change of view, focus goes to its heading, where a screen reader and the Tab key carry on from; left at the
// link that was followed, it would sit on nothing (the old view is gone) and the next Tab would start at the top.
function arrived() {
  const heading = document.querySelector('#app h1') || document.querySelector('#app #error');
  if (!heading || heading.contains(document.activeElement)) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}
window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', route);

export function modeTabs(card, level, active) {
  const link = (mode, label) => h('a', { href: `#/q/${encodeURIComponent(card.id)}/${mode}?level=${level}`,
    class: mode === active ? 'active' : '', id: `tab-${mode}` }, label);
  return h('nav', { class: 'tabs', 'aria-label': 'modes' }, link('study', 'Study'), link('practice', 'Practice'), link('write', 'Write it'),
    link('mock', 'Mock interview'));
}

async function questionsView() {
  const all = await api('/api/questions');
  const lps = [...new Set(all.map((q) => q.lp))].sort();
  const lpSelect = h('select', { id: 'lp-filter', 'aria-label': 'Leadership Principle' },
    h('option', { value: '' }, 'All Leadership Principles'), lps.map((lp) => h('option', { value: lp }, lp)));
  const levelSelect = h('select', { id: 'level-filter', 'aria-label': 'Level' },
    ['sde1', 'sde2', 'senior'].map((l) => h('option', { value: l, selected: l === 'sde2' }, l.toUpperCase())));
  const list = h('div', { id: 'question-list' });
  const render = async () => {
    const params = new URLSearchParams({ level: levelSelect.value });
    if (lpSelect.value) params.set('lp', lpSelect.value);
    const cards = await api(`/api/questions?${params}`);
    list.replaceChildren(...cards.map((q) => {
      // an own question is practised at the level it was written for, unless a level is picked above
      const level = q.own && !levelPicked ? q.levels[0] : levelSelect.value;
      return h('div', { class: 'card question' + (q.own ? ' own' : ''), 'data-id': q.id },
        h('div', { class: 'muted' }, q.own ? h('span', { class: 'chip own-tag' }, 'Your question') : null, q.own ? ` ${q.lp} · ${level.toUpperCase()}` : q.lp),
        h('strong', {}, q.question),
        h('div', { class: 'row' },
          ['study', 'practice', 'write', 'mock'].map((m) => h('a', { class: 'button' + (m === 'practice' ? ' primary' : ''),
            href: `#/q/${encodeURIComponent(q.id)}/${m}?level=${level}`, 'data-mode': m },
            { study: 'Study', practice: 'Practice', write: 'Write it', mock: 'Mock interview' }[m])),
          q.own ? h('button', { type: 'button', class: 'delete delete-own', 'aria-label': `Delete your question: ${q.question}`,
            onclick: () => deleteOwn(q, render) }, 'Delete') : null));
    }));
  };
  let levelPicked = false;
  lpSelect.onchange = render;
  levelSelect.onchange = () => { levelPicked = true; render(); };
  mount(h('h1', {}, 'Pick a question'), h('div', { class: 'row' }, lpSelect, levelSelect), list, ownQuestionForm(lps, render));
  await render();
}

// Your own question: typed, for an LP and a level, then practised like the bank's (judged with the generic card's
// targets and rules). Kept with its takes until deleted.
function ownQuestionForm(lps, render) {
  const text = h('textarea', { id: 'own-question', rows: 2, maxlength: 400, 'aria-describedby': 'own-help' });
  const lp = h('select', { id: 'own-lp' }, lps.filter((l) => l !== 'General').map((l) => h('option', { value: l }, l)));
  const level = h('select', { id: 'own-level' }, ['sde1', 'sde2', 'senior'].map((l) => h('option', { value: l, selected: l === 'sde2' }, l.toUpperCase())));
  const status = h('p', { id: 'own-status', role: 'status' });
  const add = async (e) => {
    e.preventDefault();
    try {
      const q = await api('/api/own-questions', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: text.value, lp: lp.value, level: level.value }) });
      text.value = '';
      status.className = 'good';
      status.textContent = `Kept: “${q.question}”. It is at the top of the list.`;
      await render();
    } catch (err) {
      status.className = 'error';
      status.textContent = err.message;
    }
  };
  return h('section', { class: 'card', id: 'own-question-box' }, h('h2', {}, 'Practise your own question'),
    h('form', { id: 'own-question-form', onsubmit: add },
      h('label', { for: 'own-question' }, 'Your question'), text,
      h('p', { class: 'muted', id: 'own-help' }, 'Judged like any behavioural answer: the five STAR phases against the level\'s targets, and the checks every story gets.'),
      h('div', { class: 'row' }, h('label', { for: 'own-lp' }, 'Leadership Principle'), lp, h('label', { for: 'own-level' }, 'Level'), level,
        h('button', { type: 'submit', class: 'primary', id: 'own-add' }, 'Add question')), status));
}

async function deleteOwn(q, render) {
  if (!confirm('Delete your question and every take of it?')) return;
  try {
    await api(`/api/own-questions/${encodeURIComponent(q.id)}`, { method: 'DELETE' });
    notice(`Deleted your question “${q.question}” and its takes.`);
  } catch (e) {
    notice(e.message);
  }
  await render();
}

function studyView(card, level) {
  const section = (title, ...body) => h('section', { class: 'card' }, h('h2', {}, title), ...body);
  const phases = PHASES.map((p) => {
    const g = card.phases[p];
    return h('div', { class: `card phase-${p}` },
      h('h2', {}, h('span', { class: 'chip' }, TITLES[p]), ` target ${g.targetSeconds} s`),
      g.strongExample ? h('p', {}, g.strongExample) : null,
      h('div', {}, (g.keyPhrases || []).map((k) => h('span', { class: 'key' }, k))),
      g.coaching ? h('p', {}, h('b', {}, 'Coaching: '), g.coaching) : null,
      g.commonMistake ? h('p', {}, h('b', {}, 'Common mistake: '), g.commonMistake) : null);
  });
  const probes = (card.probes || []).map((p, i) => h('div', { class: 'card probe' },
    h('strong', {}, `${i + 1}. ${p.question}`), p.probes ? h('div', { class: 'muted' }, `Probes: ${p.probes}`) : null,
    h('div', { class: 'grid2' },
      h('div', {}, h('b', { class: 'bad' }, 'Weak: '), `“${p.weak.answer}”`, p.weak.why ? h('div', { class: 'muted' }, p.weak.why) : null),
      h('div', {}, h('b', { class: 'good' }, 'Strong: '), `“${p.strong.answer}”`, p.strong.keyLine ? h('div', {}, h('i', {}, p.strong.keyLine)) : null))));
  const quiz = (card.quiz || []).map((q) => {
    const explanation = h('p', { class: 'muted', hidden: true }, q.explanation);
    // a wrong pick also shows the right answer, then the explanation
    const options = (q.options || []).map((o, i) => h('button', { 'data-option': i, onclick: (e) => {
      e.target.classList.add(i === q.answer ? 'right' : 'wrong');
      if (i !== q.answer && options[q.answer]) {
        if (!options[q.answer].classList.contains('right')) options[q.answer].append(h('span', { class: 'answer-tag' }, ' — the right answer'));
        options[q.answer].classList.add('right');
      }
      explanation.hidden = false;
    } }, o));
    return h('div', { class: 'card quiz' }, h('strong', {}, q.question), options,
      q.options ? null : h('button', { onclick: () => { explanation.hidden = false; } }, 'Show the answer'), explanation);
  });
  const angles = (card.lpAngles || []).map((a) => h('div', { class: 'card' }, h('strong', {}, a.lp),
    h('p', {}, h('b', {}, 'Lead with: '), a.leadWith), h('p', {}, h('b', {}, 'Emphasize: '), a.emphasize),
    h('p', {}, h('b', {}, 'Downplay: '), a.downplay)));
  // the level picked comes first, named as yours: the story is told differently at each level
  const levels = Object.entries(card.levels || {}).sort(([a], [b]) => (b === level) - (a === level)).map(([l, v]) => h('div', { class: 'card', 'data-level': l, id: l === level ? 'your-level' : null },
    h('strong', {}, l.toUpperCase(), l === level ? ' — your level' : ''),
    ` ${Math.round(v.minSeconds)}–${Math.round(v.maxSeconds)} s`, v.focus ? h('p', {}, v.focus) : null,
    v.reflection ? h('p', {}, h('b', {}, 'Reflection: '), v.reflection) : null, v.bar ? h('p', {}, h('b', {}, 'Bar: '), v.bar) : null));
  mount(
    h('h1', { id: 'question-title' }, card.question), h('div', { class: 'muted' }, card.lp), modeTabs(card, level, 'study'),
    card.scenario ? section('The story', h('p', {}, card.scenario.overview), h('p', { class: 'muted' }, card.scenario.summary)) : null,
    levels.length && card.levels[level] ? [h('h2', {}, `Told at ${level.toUpperCase()}`), levels[0]] : null,
    h('h2', {}, 'Phase by phase'), phases,
    card.reflections ? section('Reflections by level', Object.entries(card.reflections).map(([l, r]) => h('p', {}, h('b', {}, `${l.toUpperCase()}: `), r))) : null,
    angles.length ? h('h2', {}, 'Telling it for another LP') : null, angles,
    levels.length > 1 ? h('h2', {}, 'The other levels') : null, card.levels && card.levels[level] ? levels.slice(1) : levels,
    probes.length ? h('h2', {}, 'Follow-up probes') : null, probes,
    card.weakAnswer ? section('A weak answer', h('p', {}, `“${card.weakAnswer.text}”`),
      h('ul', {}, (card.weakAnswer.flags || []).map((f) => h('li', {}, f))),
      h('p', { class: 'verdict' }, h('b', {}, 'Bar Raiser thinks: '), card.weakAnswer.barRaiser)) : null,
    quiz.length ? h('h2', {}, 'Quiz') : null, quiz);
}
