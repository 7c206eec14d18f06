import { h, svg as svgNode, mount, api, PHASES, TITLES, clock, secs, STATUS, FACTS, ruleName, questionText } from './dom.js';
import { COLOURS, ruleState } from './report.js';
import { interviewHistory } from './interview.js';

const MODES = { practice: 'Practice', mock: 'Mock interview', interview: 'Interview question', written: 'Typed' };
const STATES = { complete: 'finished', incomplete: 'cut off', recording: 'recording' };

export async function historyView(said = '') {
  const attempts = await api('/api/attempts');
  const texts = new Map(await Promise.all([...new Set(attempts.map((a) => a.questionId))].map(async (q) => [q, await questionText(q)])));
  const chosen = new Set();
  const status = h('p', { id: 'history-status', role: 'status', class: 'status-line' }, said);
  const compare = h('button', { id: 'compare', disabled: true }, 'Compare two takes');
  compare.onclick = () => { const [a, b] = [...chosen]; location.hash = `#/compare/${a}/${b}`; };
  const cell = (label, ...content) => h('td', { 'data-label': label }, ...content);
  const rows = attempts.map((a) => {
    const pick = h('input', { type: 'checkbox', 'aria-label': `choose the take of ${new Date(a.startedAt).toLocaleString()} for comparison`, onchange: (e) => {
      if (e.target.checked) chosen.add(a.id); else chosen.delete(a.id);
      const questions = new Set(attempts.filter((x) => chosen.has(x.id)).map((x) => x.questionId));
      compare.disabled = chosen.size !== 2 || questions.size !== 1;
      status.textContent = chosen.size === 2 && questions.size !== 1 ? 'These two takes answer different questions: pick two takes of the same question to compare them.' : '';
    } });
    const score = h('span', { class: 'attempt-score' }, a.score == null ? '–' : `${a.score}`);
    // re-scoring updates its own row in place, so the ticks for comparison stay as they were
    const rescore = h('button', { class: 'rescore' }, 'Re-score');
    rescore.onclick = async () => {
      rescore.disabled = true;
      status.textContent = 'Re-scoring…';
      try {
        const fresh = await api(`/api/attempts/${encodeURIComponent(a.id)}/rescore`, { method: 'POST' });
        const before = a.score;
        a.score = fresh.score;
        score.textContent = `${fresh.score}`;
        status.textContent = before === fresh.score ? `Re-scored with today’s rules: still ${fresh.score}/100.`
          : `Re-scored with today’s rules: ${before ?? '–'} → ${fresh.score}/100.`;
      } catch (e) {
        status.textContent = e.message;
      } finally {
        rescore.disabled = false;
      }
    };
    const del = h('button', { class: 'delete' }, 'Delete');
    del.onclick = async () => {
      if (!confirm('Delete this attempt and its recording?')) return;
      try {
        await api(`/api/attempts/${encodeURIComponent(a.id)}`, { method: 'DELETE' });
        // drawn again, so that the progress card no longer counts it; focus stays where the candidate was, on the result
        await historyView('Deleted.');
        const said = document.getElementById('history-status');
        said.tabIndex = -1;
        said.focus();
      } catch (e) {
        status.textContent = e.message;
      }
    };
    const row = h('tr', { 'data-attempt': a.id }, cell('Compare', pick), cell('Question', texts.get(a.questionId)), cell('Level', a.level.toUpperCase()),
      cell('Mode', MODES[a.mode] || a.mode), cell('When', when(a.startedAt)), cell('Status', STATES[a.status] || a.status),
      cell('Length', a.durationSeconds == null ? '–' : clock(a.durationSeconds)), cell('Score', score),
      cell('', h('div', { class: 'row-actions' }, h('a', { class: 'button', href: `#/attempt/${a.id}`, 'data-open': a.id }, a.mode === 'written' ? 'Open' : 'Replay'), rescore, del)));
    return row;
  });
  const questions = [...new Set(attempts.filter((a) => a.score != null).map((a) => a.questionId))];
  const progress = await Promise.all(questions.map(async (q) => progressView(q, texts.get(q))));
  const interviews = await interviewHistory();
  mount(h('h1', {}, 'History'), attempts.length ? null : h('p', {}, 'No attempts yet: pick a question and practise.'),
    interviews, progress.filter(Boolean),
    attempts.length ? h('table', { id: 'history', class: 'stack' }, h('thead', {}, h('tr', {}, ['', 'Question', 'Level', 'Mode', 'When', 'Status', 'Length', 'Score', ''].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)) : null,
    status, h('p', {}, compare));
}

const shortDate = (iso) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

// One question's progress: for each level, its finished spoken practice takes over time (the score as a line, each
// phase's seconds as stacked bars on a seconds scale, dates below, the best marked); every other take listed apart.
async function progressView(questionId, text) {
  const takes = await api(`/api/questions/${encodeURIComponent(questionId)}/progress`);
  if (takes.length < 2) return null;
  const levels = [...new Set(takes.filter((t) => !t.apart).map((t) => t.level))].sort();
  const apart = takes.filter((t) => t.apart);
  return h('section', { class: 'card progress', 'data-question': questionId }, h('h2', {}, 'Progress: ', text),
    levels.map((level) => levelProgress(takes.filter((t) => !t.apart && t.level === level), level)),
    levels.length ? null : h('p', { class: 'best-take-none' }, 'No finished spoken practice take yet: the line starts with one.'),
    apart.length ? h('div', { class: 'apart' }, h('h3', {}, 'Not on the line'),
      h('ul', { class: 'apart-takes' }, apart.map((t) => h('li', { 'data-apart': t.apart, class: t.written ? 'typed-takes' : null },
        h('a', { href: `#/attempt/${t.id}` }, `${t.score}/100`), ` · ${t.level.toUpperCase()} · ${t.apart}${t.written ? ' (judged as writing, no delivery)' : ''} · ${when(t.startedAt)}`)))) : null);
}

function levelProgress(takes, level) {
  const s = svgNode;
  const width = 360;
  const height = 204;
  const left = 44;
  const step = (width - left - 44) / Math.max(1, takes.length - 1);
  const x = (i) => left + 14 + i * step;
  const y = (score) => 10 + (1 - score / 100) * 80;
  const barsTop = 116;
  const barsBottom = 176;
  const total = (t) => PHASES.reduce((sum, p) => sum + (t.phases[p] || 0), 0);
  const longest = Math.max(...takes.map(total), 1);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'progress-chart', role: 'img', 'data-level': level,
    'aria-label': `${level.toUpperCase()}: scores over ${takes.length} finished spoken takes: ${takes.map((t) => `${t.score} on ${shortDate(t.startedAt)}`).join(', ')}` });
  // the score scale, then the seconds scale of the bars: each chart says what its heights mean
  [0, 50, 100].forEach((v) => svg.append(s('text', { x: 0, y: y(v) + 4, class: 'tick' }, String(v))));
  svg.append(s('line', { x1: left - 4, x2: width - 8, y1: barsBottom, y2: barsBottom, class: 'axis' }));
  svg.append(s('text', { x: 0, y: barsBottom + 4, class: 'tick' }, '0 s'));
  svg.append(s('text', { x: 0, y: barsTop + 4, class: 'tick seconds-scale' }, `${Math.round(longest)} s`));
  takes.forEach((t, i) => {
    let top = barsBottom;
    PHASES.forEach((p) => {
      const hgt = ((t.phases[p] || 0) / longest) * (barsBottom - barsTop);
      top -= hgt;
      const bar = s('rect', { x: x(i) - 7, y: top, width: 14, height: hgt, fill: COLOURS[p] });
      bar.append(s('title', {}, `${TITLES[p]} ${Math.round(t.phases[p] || 0)} s`));
      svg.append(bar);
    });
  });
  // a date under each take, or under every few when there are many
  const every = Math.ceil(takes.length / 6);
  takes.forEach((t, i) => {
    if (i % every === 0 || i === takes.length - 1) svg.append(s('text', { x: x(i), y: height - 6, class: 'tick date', 'text-anchor': 'middle' }, shortDate(t.startedAt)));
  });
  svg.append(s('polyline', { points: takes.map((t, i) => `${x(i)},${y(t.score)}`).join(' '), class: 'pace-line' }));
  takes.forEach((t, i) => {
    const dot = s('circle', { cx: x(i), cy: y(t.score), r: t.best ? 6 : 3.5, class: t.best ? 'best' : 'take' });
    dot.append(s('title', {}, `${when(t.startedAt)}: ${t.score}/100${t.best ? ' (best take)' : ''}`));
    svg.append(dot);
  });
  const best = takes.find((t) => t.best);
  return h('div', { class: 'level-progress', 'data-level': level }, h('h3', {}, `${level.toUpperCase()}: finished spoken takes`),
    h('div', { class: 'row' }, svg, h('div', {},
      h('p', { class: 'progress-summary' }, `${takes.length} ${takes.length === 1 ? 'take' : 'takes'}, from ${takes[0].score} on ${shortDate(takes[0].startedAt)} to ${takes[takes.length - 1].score}/100 on ${shortDate(takes[takes.length - 1].startedAt)}.`),
      best ? h('p', {}, '★ Best take: ', h('a', { href: `#/attempt/${best.id}`, class: 'best-take' }, `${best.score}/100 on ${when(best.startedAt)}`)) : null,
      h('p', { class: 'muted' }, 'Line: score out of 100. Bars: seconds in each phase (Situation at the bottom), on the scale at the left.'))));
}

// Two takes of one question side by side: score, verdict, each phase against its target, the checks, delivery, the
// recordings, and a way back to each report. Two different questions are refused: side by side they mean nothing.
export async function compareView(idA, idB) {
  const [a, b] = await Promise.all([api(`/api/attempts/${encodeURIComponent(idA)}`), api(`/api/attempts/${encodeURIComponent(idB)}`)]);
  const back = h('p', {}, h('a', { href: '#/history', id: 'back-to-history' }, 'Back to History'));
  if (a.questionId !== b.questionId) {
    mount(h('h1', {}, 'Two takes side by side'),
      h('p', { class: 'error', id: 'compare-refused', role: 'alert' }, 'These takes answer different questions, so they cannot be compared: ',
        `“${await questionText(a.questionId)}” and “${await questionText(b.questionId)}”. Pick two takes of the same question.`), back);
    return;
  }
  const [first, second] = a.startedAt <= b.startedAt ? [a, b] : [b, a];
  const takes = [first, second];
  const phase = (x, p) => (x.transcript ? x.transcript.phases.find((y) => y.phase === p) : null);
  const passed = (x, id) => (x.transcript ? x.transcript.rules.find((r) => r.id === id) : undefined);
  const ruleIds = [...new Set(takes.flatMap((x) => (x.transcript ? x.transcript.rules.map((r) => r.id) : [])))];
  const change = (second.score || 0) - (first.score || 0);
  // a check one take never had (pace for a typed take) is not judged there, not failed
  const mark = (r) => (r ? ({ pass: '✓ passed', fail: '✗ not yet', unclear: '? unclear' })[ruleState(r)] : '— not judged');
  const spoken = (x) => x.mode !== 'written' && x.transcript && !x.transcript.written;
  const row = (label, value, id) => h('tr', id ? { 'data-row': id } : {}, h('th', { scope: 'row' }, label), takes.map((x) => h('td', {}, value(x))));
  const section = (title) => h('tr', { class: 'section' }, h('th', { scope: 'colgroup', colspan: 3 }, title));
  mount(h('h1', {}, 'Two takes side by side'), h('p', { class: 'question-line' }, await questionText(first.questionId)),
    h('p', { id: 'score-change' }, `Score ${first.score ?? '–'} → ${second.score ?? '–'} (${change >= 0 ? '+' : ''}${change})`),
    h('div', { class: 'table-scroll' }, h('table', { id: 'compare-table' },
      h('thead', {}, h('tr', {}, h('td', {}, ''), takes.map((x, i) => h('th', { scope: 'col' }, `Take ${i + 1}`, h('div', { class: 'muted' },
        `${when(x.startedAt)} · ${x.level.toUpperCase()} · ${MODES[x.mode] || x.mode}`))))),
      h('tbody', {},
        row('Report', (x) => h('a', { href: `#/attempt/${x.id}`, class: 'open-report' }, `Open take's report (${x.score ?? '–'}/100)`)),
        row('Verdict', (x) => (x.transcript ? x.transcript.verdict.decision : 'no words heard'), 'verdict'),
        row('Recording', (x) => (x.mode === 'written' ? 'typed, no recording'
          : h('audio', { controls: true, preload: 'none', src: `/api/attempts/${encodeURIComponent(x.id)}/audio`, 'aria-label': `recording of take ${takes.indexOf(x) + 1}` }))),
        section('Phases against their targets'),
        PHASES.map((p) => row(TITLES[p], (x) => {
          const ph = phase(x, p);
          return ph ? `${secs(ph.seconds)} of ${Math.round(ph.targetSeconds)} · ${STATUS[ph.status]}` : '–';
        }, `phase-${p}`)),
        section('Delivery'),
        row('Pace', (x) => (spoken(x) ? `${Math.round(x.transcript.delivery.wordsPerMinute)} words a minute (${FACTS.pace.slowest}–${FACTS.pace.fastest} passes)` : '— not judged'), 'pace'),
        row('Fillers', (x) => (x.transcript ? `${x.transcript.delivery.fillers.count}` : '–'), 'fillers'),
        section('Checks'),
        ruleIds.map((id) => row(ruleName(id), (x) => mark(passed(x, id)), `rule-${id}`))))),
    back);
}
