// Team mode (docs/teams.md): who is signed in, signing out, and the sign-in token every change must carry. In personal
// mode nobody signs in (/api/me says so) and this module does nothing.
import { h, svg, fill, mount, api, clock, questionText, PHASES, TITLES } from './dom.js';

const plainFetch = window.fetch.bind(window);

// Who is signed in, or null in personal mode; read once, before the page's first change.
export const me = plainFetch('/api/me', { credentials: 'same-origin' })
  .then((res) => (res.ok ? res.json() : null))
  .then((who) => (who && who.signedIn ? who : null))
  .catch(() => null);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// A change sent to this server carries the session's CSRF token (the server refuses one without it).
window.fetch = async (input, options = {}) => {
  const method = (options.method || (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const url = new URL(input instanceof Request ? input.url : input, location.href);
  const who = WRITES.has(method) && url.origin === location.origin ? await me : null;
  if (who && who.csrf) {
    const headers = new Headers(options.headers || (input instanceof Request ? input.headers : undefined));
    headers.set('X-StarPace-CSRF', who.csrf);
    options = { ...options, headers };
  }
  return plainFetch(input, options);
};

async function signOut() {
  await window.fetch('/sign-out', { method: 'POST' });
  document.body.replaceChildren(h('main', { class: 'signed-out', id: 'signed-out' },
    h('p', {}, 'You have signed out of StarPace.'), h('p', {}, h('a', { href: '/sign-in' }, 'Sign in again'))));
}

function bar(who) {
  const nav = document.querySelector('header.top nav');
  if (!nav) return;
  const coach = who.role !== 'candidate';
  // a candidate has no Review link: fill leaves it out (append would print the absent link as "null")
  fill(nav, ...nav.childNodes, h('a', { href: '#/team/cohorts', id: 'nav-cohorts' }, 'Cohorts'),
    coach ? h('a', { href: '#/team/review', id: 'nav-review' }, 'Review') : null,
    h('span', { class: 'who', id: 'who' }, `${who.name} (${who.role})`),
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

me.then((who) => {
  if (!who) return;
  if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', () => bar(who));
  else bar(who);
});

const post = (path, body, method = 'POST') => api(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// Team mode's own views (#/team/cohorts, #/team/review); true when the hash was one of them and it is shown.
export async function teamRoute(parts) {
  if (parts[0] !== 'team') return false;
  const who = await me;
  if (!who) return false;
  if (parts[1] === 'review' && who.role !== 'candidate') await reviewQueue();
  else if (parts[1] === 'cohort' && parts[2] && who.role !== 'candidate') await cohortView(parts[2]);
  else await cohorts(who);
  return true;
}

async function cohorts(who) {
  const list = await api('/api/cohorts');
  const coach = who.role !== 'candidate';
  const name = h('input', { id: 'cohort-name', 'aria-label': 'new cohort name', placeholder: 'Spring 2027 cohort', maxlength: 100 });
  const error = h('p', { class: 'error', id: 'cohort-error', role: 'alert' });
  const create = h('button', { class: 'primary', id: 'create-cohort', type: 'button', onclick: async () => {
    error.textContent = '';
    try { await post('/api/cohorts', { name: name.value }); await cohorts(who); } catch (e) { error.textContent = e.message; }
  } }, 'Create cohort');
  const mine = coach ? [] : await api('/api/assignments');
  mount(h('h1', {}, 'Cohorts'),
    coach ? null : await assignmentsOf(mine),
    list.length ? null : h('p', { class: 'muted', id: 'no-cohorts' }, coach ? 'No cohorts yet: create one and add its candidates.' : 'You are in no cohort yet.'),
    list.map((c) => cohortCard(c, coach, who)),
    coach ? h('div', { class: 'row team-form' }, name, create) : null, error);
}

function cohortCard(c, coach, who) {
  const email = h('input', { class: 'member-email', 'aria-label': `e-mail to add to ${c.name}`, placeholder: 'name@example.edu', type: 'email' });
  const role = h('select', { class: 'member-role', 'aria-label': 'their role' }, h('option', { value: 'candidate' }, 'candidate'), h('option', { value: 'coach' }, 'coach'));
  const error = h('p', { class: 'error', role: 'alert' });
  const add = h('button', { type: 'button', class: 'add-member', onclick: async () => {
    error.textContent = '';
    try { await post(`/api/cohorts/${encodeURIComponent(c.id)}/members`, { email: email.value, role: role.value }); await cohorts(who); } catch (e) { error.textContent = e.message; }
  } }, 'Add');
  // a coach takes a member out of the cohort (not themself): their takes stay theirs, and this cohort's coaches see them no more
  const remove = (m) => h('button', { type: 'button', class: 'remove-member', 'aria-label': `remove ${m.name || m.email} from ${c.name}`,
    onclick: async () => {
      error.textContent = '';
      try { await api(`/api/cohorts/${encodeURIComponent(c.id)}/members/${encodeURIComponent(m.email)}`, { method: 'DELETE' }); await cohorts(who); } catch (e) { error.textContent = e.message; }
    } }, 'Remove');
  return h('section', { class: 'cohort', 'data-cohort': c.name },
    h('h2', {}, c.name),
    h('ul', { class: 'members' }, c.members.map((m) => h('li', { 'data-email': m.email }, `${m.name || m.email} · ${m.role}`,
      coach && m.email !== (who.email || '').toLowerCase() ? [' ', remove(m)] : null))),
    coach ? h('div', { class: 'row team-form' }, email, role, add) : null, error,
    coach ? h('p', {}, h('a', { class: 'button cohort-view', href: `#/team/cohort/${encodeURIComponent(c.id)}` }, 'Cohort view and assignments')) : null);
}

// A candidate's assignments: due when, whether the takes handed in (shared) cover them, and the attempts used of each question.
async function assignmentsOf(mine) {
  if (!mine.length) return null;
  const used = async (m) => {
    const line = (u) => `${u.used} of ${u.allowed} attempts used`;
    if (m.attempts.length === 1) return h('span', { class: 'attempts-used' }, ` · ${line(m.attempts[0])}`);
    return h('ul', { class: 'attempts-used' }, await Promise.all(m.attempts.map(async (u) => h('li', {},
      h('a', { href: `#/q/${encodeURIComponent(u.questionId)}/practice?level=${m.assignment.level}` }, await questionText(u.questionId)), `: ${line(u)}`))));
  };
  return h('section', { class: 'assignments', id: 'my-assignments' }, h('h2', {}, 'Your assignments'),
    h('ul', {}, await Promise.all(mine.map(async (m) => h('li', { class: 'assignment' }, `${m.assignment.title} (${m.cohort}) — due ${m.assignment.dueAt.slice(0, 10)} · `,
      h('span', { class: m.progress.done ? 'done' : 'open' }, m.progress.done ? 'done' : `to do: share a take of each question at ${m.assignment.level}`),
      await used(m))))));
}

// A candidate's phase timing over their latest shared takes: per phase, a line of its seconds against the take's target
// (the dashed line), and the same as text for a screen reader and for reading the numbers.
function phaseTrend(takes) {
  if (!takes.length) return '–';
  const of = (t, p) => t.phases.find((x) => x.phase === p);
  const said = PHASES.map((p) => `${TITLES[p]}: ${takes.map((t) => (of(t, p) ? `${Math.round(of(t, p).seconds)} of ${Math.round(of(t, p).targetSeconds)} s` : 'not heard')).join(', ')}`);
  const width = 200;
  const row = 18;
  const left = 70;
  const x = (i) => left + 4 + (takes.length === 1 ? (width - left - 12) / 2 : (i * (width - left - 12)) / (takes.length - 1));
  // each row's middle is the target; twice the target or more is its top
  const y = (r, ratio) => r * row + row - 2 - (Math.min(2, ratio) / 2) * (row - 4);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${PHASES.length * row}`, class: 'phase-trend', role: 'img',
    'aria-label': `phase seconds against their targets over the latest ${takes.length} shared take${takes.length === 1 ? '' : 's'}, oldest first: ${said.join('; ')}` });
  PHASES.forEach((p, r) => {
    chart.append(svg('text', { x: 0, y: r * row + row - 5, class: 'tick' }, TITLES[p]));
    chart.append(svg('line', { x1: left, x2: width - 4, y1: y(r, 1), y2: y(r, 1), class: 'target' }));
    const points = takes.map((t, i) => [i, of(t, p)]).filter(([, v]) => v).map(([i, v]) => `${x(i)},${y(r, v.targetSeconds ? v.seconds / v.targetSeconds : 0)}`);
    chart.append(svg('polyline', { points: points.join(' '), class: `phase-${p}` }));
    points.forEach((pt) => chart.append(svg('circle', { cx: pt.split(',')[0], cy: pt.split(',')[1], r: 2, class: `phase-${p}` })));
  });
  const latest = takes[takes.length - 1];
  return h('div', { class: 'trend' }, chart, h('div', { class: 'muted trend-latest' }, 'latest: ',
    PHASES.map((p) => (of(latest, p) ? `${TITLES[p]} ${Math.round(of(latest, p).seconds)}/${Math.round(of(latest, p).targetSeconds)} s` : `${TITLES[p]} –`)).join(' · ')));
}

async function cohortView(id) {
  const [view, questions] = await Promise.all([api(`/api/cohorts/${encodeURIComponent(id)}/view`), api('/api/questions')]);
  const title = h('input', { id: 'assignment-title', 'aria-label': 'assignment title', placeholder: 'Week 1: customer obsession', maxlength: 100 });
  // one question or several (Ctrl or Shift to choose more): the assignment is done when each has a shared take
  const question = h('select', { id: 'assignment-question', 'aria-label': 'questions (choose one or more)', multiple: true, size: 6 },
    questions.map((q) => h('option', { value: q.id }, q.question)));
  const level = h('select', { id: 'assignment-level', 'aria-label': 'level' }, ['sde1', 'sde2', 'senior'].map((l) => h('option', { value: l, selected: l === 'sde2' }, l)));
  const due = h('input', { type: 'date', id: 'assignment-due', 'aria-label': 'due date' });
  const allowed = h('input', { type: 'number', id: 'assignment-attempts', min: 1, max: 20, value: 3, 'aria-label': 'attempts allowed' });
  const error = h('p', { class: 'error', id: 'assignment-error', role: 'alert' });
  const set = h('button', { type: 'button', class: 'primary', id: 'set-assignment', onclick: async () => {
    error.textContent = '';
    try {
      const chosen = [...question.selectedOptions].map((o) => o.value);
      await post(`/api/cohorts/${encodeURIComponent(id)}/assignments`, { title: title.value, questions: chosen, level: level.value, due: due.value, attemptsAllowed: Number(allowed.value) });
      await cohortView(id);
    } catch (e) { error.textContent = e.message; }
  } }, 'Set assignment');
  const asked = async (a) => (a.questions.length === 1 ? questionText(a.questions[0])
    : `${a.questions.length} questions: ${(await Promise.all(a.questions.map(questionText))).join(' · ')}`);
  mount(h('h1', {}, view.name),
    h('h2', {}, 'Assignments'),
    view.assignments.length ? h('ul', { id: 'assignments' }, await Promise.all(view.assignments.map(async (a) => h('li', {},
      `${a.title} — due ${a.dueAt.slice(0, 10)}, ${a.level}, ${a.attemptsAllowed} attempt${a.attemptsAllowed === 1 ? '' : 's'} of each question`,
      h('div', { class: 'muted assignment-questions' }, await asked(a)))))) : h('p', { class: 'muted' }, 'No assignments yet.'),
    h('div', { class: 'row team-form' }, title, question, level, due, allowed, set), error,
    h('h2', {}, 'Candidates'),
    h('table', { id: 'cohort-table' }, h('thead', {}, h('tr', {}, ['Candidate', 'Assignments done', 'StarPace', 'Coach', 'Last practised', 'Phase seconds against target, latest takes'].map((t) => h('th', {}, t)))),
      h('tbody', {}, view.candidates.map((c) => h('tr', {}, h('td', {}, c.name), h('td', {}, `${c.assignmentsDone} of ${c.assignments}`),
        h('td', {}, c.latestScore ?? '–'), h('td', {}, c.latestCoachScore ?? '–'), h('td', {}, c.lastPractised ? new Date(c.lastPractised).toLocaleDateString() : '–'),
        h('td', { class: 'trend-cell' }, phaseTrend(c.trend)))))),
    h('p', {}, h('a', { class: 'button', id: 'cohort-csv', href: `/api/cohorts/${encodeURIComponent(id)}/view.csv`, download: '' }, 'Download as CSV')));
}

async function reviewQueue() {
  const items = await api('/api/review-queue');
  const row = async (i) => h('li', { class: 'queue-item' }, h('a', { href: `#/attempt/${encodeURIComponent(i.attemptId)}` },
    `${i.ownerName} — ${await questionText(i.questionId)}`), h('span', { class: 'muted' },
    ` · StarPace ${i.score ?? '–'}/100 · shared ${new Date(i.sharedAt).toLocaleString()}`));
  const open = items.filter((i) => !i.reviewedAt);
  const done = items.filter((i) => i.reviewedAt);
  mount(h('h1', {}, 'Review'),
    h('h2', {}, `To review (${open.length})`), h('ul', { id: 'to-review' }, await Promise.all(open.map(row))),
    h('h2', {}, `Reviewed (${done.length})`), h('ul', { id: 'reviewed' }, await Promise.all(done.map(row))));
}

// Below an attempt's report: for its owner, sharing and what the coach made of it; for a coach, the review.
export async function teamPanel(attemptId) {
  const who = await me;
  if (!who) return;
  const [attempt, review] = await Promise.all([api(`/api/attempts/${encodeURIComponent(attemptId)}`),
    api(`/api/attempts/${encodeURIComponent(attemptId)}/review`)]);
  const mine = attempt.owner === who.id;
  const panel = h('section', { class: 'team-panel', id: 'team-panel' });
  document.getElementById('app').append(panel);
  const draw = (r) => panel.replaceChildren(...[
    h('h2', {}, 'Coach review'),
    mine ? shareToggle(attemptId, r, draw) : null,
    scores(attempt, r),
    comments(attempt, r, who, draw),
    mine ? null : coachForm(attempt, r, draw),
  ].filter(Boolean));
  draw(review);
}

function shareToggle(id, r, draw) {
  const box = h('input', { type: 'checkbox', id: 'share', checked: r.shared, onchange: async () => {
    draw(await post(`/api/attempts/${encodeURIComponent(id)}/share`, { shared: box.checked }, 'PUT'));
  } });
  return h('p', {}, h('label', { for: 'share' }, box, ' Let my cohort\'s coaches see this take'));
}

function scores(attempt, r) {
  return h('p', { class: 'team-scores', id: 'team-scores' },
    h('span', {}, `StarPace: ${attempt.score ?? '–'}/100`),
    r.coachScore ? h('span', { id: 'coach-score' }, ` · Coach ${r.coachScore.coachName}: ${r.coachScore.score}/100`
      + (r.coachScore.note ? ` — ${r.coachScore.note}` : '')) : h('span', { class: 'muted' }, ' · no coach score yet'),
    r.reviewedAt ? h('span', { class: 'muted', id: 'reviewed-at' }, ` · reviewed ${new Date(r.reviewedAt).toLocaleString()}`) : null);
}

// The words said in a stretch of the take: what a comment is anchored to.
function stretch(attempt, start, end) {
  const words = (attempt.transcript && attempt.transcript.words) || [];
  return words.filter((w) => w.end > start && w.start < end).map((w) => w.word).join(' ');
}

// Plays the take from the comment's stretch: the report's player when there is one.
function hear(start) {
  const audio = document.getElementById('replay-audio');
  if (!audio) return;
  audio.currentTime = start;
  audio.play().catch(() => {});
}

function comments(attempt, r, who, draw) {
  if (!r.comments.length) return h('p', { class: 'muted', id: 'no-comments' }, 'No comments yet.');
  return h('ol', { class: 'comments', id: 'comments' }, r.comments.map((c) => h('li', { class: 'comment' },
    h('button', { type: 'button', class: 'hear', title: 'hear this stretch', onclick: () => hear(c.start) }, `▶ ${clock(c.start)}–${clock(c.end)}`),
    h('q', {}, stretch(attempt, c.start, c.end)), ' ', h('span', { class: 'comment-body' }, c.body),
    h('span', { class: 'muted' }, ` — ${c.authorName}`),
    c.author === who.id ? h('button', { type: 'button', class: 'delete-comment', onclick: async () => {
      await api(`/api/attempts/${encodeURIComponent(attempt.id)}/comments/${encodeURIComponent(c.id)}`, { method: 'DELETE' });
      draw(await api(`/api/attempts/${encodeURIComponent(attempt.id)}/review`));
    } }, 'Delete') : null)));
}

function coachForm(attempt, r, draw) {
  const base = `/api/attempts/${encodeURIComponent(attempt.id)}`;
  const audio = document.getElementById('replay-audio');
  const start = h('input', { type: 'number', id: 'comment-start', min: 0, step: 0.1, value: 0, 'aria-label': 'from second' });
  const end = h('input', { type: 'number', id: 'comment-end', min: 0, step: 0.1, value: Math.min(5, attempt.durationSeconds || 5), 'aria-label': 'to second' });
  const here = (input) => h('button', { type: 'button', onclick: () => { if (audio) input.value = audio.currentTime.toFixed(1); } }, 'now');
  const text = h('textarea', { id: 'comment-text', rows: 3, 'aria-label': 'comment', placeholder: 'What to keep or change in this stretch' });
  const score = h('input', { type: 'number', id: 'coach-score-input', min: 0, max: 100, 'aria-label': 'your score out of 100',
    value: r.coachScore ? r.coachScore.score : '' });
  const note = h('input', { id: 'coach-note', 'aria-label': 'note with the score', maxlength: 2000, value: r.coachScore ? r.coachScore.note || '' : '' });
  const error = h('p', { class: 'error', id: 'review-error', role: 'alert' });
  const act = (fn) => async () => { error.textContent = ''; try { draw(await fn()); } catch (e) { error.textContent = e.message; } };
  return h('div', { class: 'coach-form' },
    h('h3', {}, 'Comment on a stretch'),
    h('div', { class: 'row team-form' }, h('label', {}, 'from ', start), here(start), h('label', {}, ' to ', end), here(end)),
    text,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'primary', id: 'add-comment', onclick: act(async () => {
      await post(`${base}/comments`, { start: Number(start.value), end: Number(end.value), text: text.value });
      return api(`${base}/review`);
    }) }, 'Add comment')),
    h('h3', {}, 'Your rubric score'),
    h('div', { class: 'row team-form' }, score, note, h('button', { type: 'button', id: 'save-score',
      onclick: act(() => post(`${base}/coach-score`, { score: Number(score.value), note: note.value }, 'PUT')) }, 'Save score')),
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'mark-reviewed',
      onclick: act(() => post(`${base}/reviewed`, { reviewed: !r.reviewedAt }, 'PUT')) }, r.reviewedAt ? 'Back to review' : 'Mark reviewed')),
    error);
}
