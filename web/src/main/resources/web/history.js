import { h, mount, api, PHASES, TITLES, clock } from './dom.js';

export async function historyView() {
  const attempts = await api('/api/attempts');
  const chosen = new Set();
  const compare = h('button', { id: 'compare', disabled: true }, 'Compare two takes');
  compare.onclick = () => { const [a, b] = [...chosen]; location.hash = `#/compare/${a}/${b}`; };
  const rows = attempts.map((a) => {
    const pick = h('input', { type: 'checkbox', 'aria-label': 'choose for comparison', onchange: (e) => {
      if (e.target.checked) chosen.add(a.id); else chosen.delete(a.id);
      compare.disabled = chosen.size !== 2;
    } });
    const rescore = h('button', { onclick: async () => { await api(`/api/attempts/${a.id}/rescore`, { method: 'POST' }); historyView(); } }, 'Re-score');
    const del = h('button', { onclick: async () => { if (confirm('Delete this attempt?')) { await api(`/api/attempts/${a.id}`, { method: 'DELETE' }); historyView(); } } }, 'Delete');
    return h('tr', { 'data-attempt': a.id }, h('td', {}, pick), h('td', {}, a.questionId), h('td', {}, a.level.toUpperCase()),
      h('td', {}, a.mode), h('td', {}, new Date(a.startedAt).toLocaleString()), h('td', {}, a.status),
      h('td', {}, a.durationSeconds == null ? '' : clock(a.durationSeconds)), h('td', { class: 'attempt-score' }, a.score == null ? '' : a.score),
      h('td', {}, h('a', { class: 'button', href: `#/attempt/${a.id}`, 'data-open': a.id }, 'Replay'), ' ', rescore, ' ', del));
  });
  mount(h('h1', {}, 'History'), attempts.length ? null : h('p', {}, 'No attempts yet: pick a question and practise.'),
    h('table', { id: 'history' }, h('tr', {}, ['', 'question', 'level', 'mode', 'when', 'status', 'length', 'score', ''].map((c) => h('th', {}, c))), rows),
    h('p', {}, compare));
}

export async function compareView(idA, idB) {
  const [a, b] = await Promise.all([api(`/api/attempts/${idA}`), api(`/api/attempts/${idB}`)]);
  const [first, second] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
  const seconds = (x, p) => (x.transcript ? x.transcript.phases.find((y) => y.phase === p).seconds : 0);
  const passed = (x, id) => (x.transcript ? (x.transcript.rules.find((r) => r.id === id) || {}).passed : undefined);
  const ruleIds = [...new Set([first, second].flatMap((x) => (x.transcript ? x.transcript.rules.map((r) => r.id) : [])))];
  const change = (second.score || 0) - (first.score || 0);
  mount(h('h1', {}, 'Two takes side by side'),
    h('p', { id: 'score-change' }, `Score ${first.score ?? '–'} → ${second.score ?? '–'} (${change >= 0 ? '+' : ''}${change})`),
    h('table', { id: 'compare-table' },
      h('tr', {}, h('th', {}, ''), h('th', {}, `Take 1 (${new Date(first.startedAt).toLocaleString()})`), h('th', {}, `Take 2 (${new Date(second.startedAt).toLocaleString()})`)),
      PHASES.map((p) => h('tr', {}, h('td', {}, TITLES[p]), h('td', {}, `${Math.round(seconds(first, p))} s`), h('td', {}, `${Math.round(seconds(second, p))} s`))),
      ruleIds.map((id) => h('tr', {}, h('td', {}, id), h('td', {}, passed(first, id) ? '✓' : '✗'), h('td', {}, passed(second, id) ? '✓' : '✗')))));
}
