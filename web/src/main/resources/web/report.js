import { h, mount, api, PHASES, TITLES, clock } from './dom.js';

// A chart of each phase's time against its target.
export function phaseChart(phases) {
  const ns = 'http://www.w3.org/2000/svg';
  const s = (tag, attrs, text) => {
    const el = document.createElementNS(ns, tag);
    Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const width = 560;
  const left = 90;
  const scale = Math.max(...phases.map((p) => Math.max(p.seconds, p.targetSeconds)), 1) * 1.15;
  const svg = s('svg', { viewBox: `0 0 ${width} ${phases.length * 30 + 10}`, width: '100%', id: 'phase-chart', role: 'img',
    'aria-label': 'each phase against its target' });
  const colours = { situation: '#4e79a7', task: '#f28e2b', action: '#59a14f', result: '#e15759', reflection: '#b07aa1' };
  phases.forEach((p, i) => {
    const y = 8 + i * 30;
    const w = ((width - left - 80) * p.seconds) / scale;
    const t = left + ((width - left - 80) * p.targetSeconds) / scale;
    svg.append(s('text', { x: 0, y: y + 15 }, TITLES[p.phase]));
    svg.append(s('rect', { x: left, y, width: Math.max(w, 1), height: 20, fill: colours[p.phase], 'data-phase': p.phase }));
    svg.append(s('line', { x1: t, x2: t, y1: y - 3, y2: y + 23, stroke: '#222', 'stroke-width': 2 }));
    svg.append(s('text', { x: Math.max(left + w, t) + 6, y: y + 15 }, `${Math.round(p.seconds)} s / ${Math.round(p.targetSeconds)} (${p.status})`));
  });
  return svg;
}

export async function reportView(id) {
  const attempt = await api(`/api/attempts/${encodeURIComponent(id)}`);
  const t = attempt.transcript;
  const audio = h('audio', { controls: true, src: `/api/attempts/${encodeURIComponent(id)}/audio`, id: 'replay-audio', preload: 'auto' });
  const head = [h('h1', {}, 'Report'), h('div', { class: 'muted', id: 'attempt-meta' },
    `${attempt.questionId} · ${attempt.level.toUpperCase()} · ${attempt.mode} · ${new Date(attempt.startedAt).toLocaleString()} · ${attempt.status}`)];
  if (!t) {
    mount(head, h('p', {}, 'No words were recognised in this attempt.'), audio);
    return;
  }
  const flagged = new Set();
  t.rules.filter((r) => !r.passed).forEach((r) => r.evidence.forEach((e) => {
    t.words.forEach((w, i) => { if (w.start >= e.start - 0.01 && w.end <= e.end + 0.01) flagged.add(i); });
  }));
  const play = (at) => { audio.currentTime = Math.max(0, at); audio.play().catch(() => {}); };
  const spans = t.words.map((w, i) => h('span', { class: `w phase-${w.phase}${flagged.has(i) ? ' flag' : ''}`, 'data-start': w.start,
    'data-index': i, title: `${TITLES[w.phase]} ${w.start.toFixed(1)} s`, onclick: () => play(w.start) }, w.word));
  const transcript = h('p', { class: 'transcript', id: 'report-transcript' }, spans.flatMap((s) => [s, ' ']));
  // highlight the word under the playhead
  let current = -1;
  audio.addEventListener('timeupdate', () => {
    const now = audio.currentTime;
    let i = t.words.findIndex((w) => w.start <= now && now < w.end + 0.15);
    if (i !== current) {
      if (current >= 0) spans[current].classList.remove('now');
      if (i >= 0) spans[i].classList.add('now');
      current = i;
    }
  });
  const rules = h('ul', { class: 'rules', id: 'rule-checklist' }, t.rules.map((r) => h('li', { class: r.passed ? 'pass' : 'fail', 'data-rule': r.id },
    h('b', {}, r.id), ' — ', r.message, h('div', {}, r.evidence.slice(0, 6).map((e) => h('span', { class: 'evidence', onclick: () => play(e.start),
      title: `${e.start.toFixed(1)}–${e.end.toFixed(1)} s` }, e.text))))));
  const d = t.delivery;
  const a = d.audio;
  const delivery = h('div', { id: 'delivery' },
    h('p', {}, `Pace ${Math.round(d.wordsPerMinute)} words a minute — `,
      Object.entries(d.phaseWordsPerMinute).map(([p, v]) => `${TITLES[p]} ${Math.round(v)}`).join(', ')),
    h('p', {}, `Fillers: ${d.fillers.count} (${d.fillers.perMinute} a minute)`, d.fillers.items.length ? ` — ${d.fillers.items.map((f) => f.text).join(', ')}` : ''),
    h('p', {}, `Pauses of ${d.pauses.thresholdSeconds} s or more: ${d.pauses.count}, longest ${d.pauses.longestSeconds} s`),
    a ? h('p', {}, `From the audio: ${a.pauses.count} pauses (${a.pauses.betweenSentences} between sentences, ${a.pauses.withinSentences} within), `
      + `pitch ${Math.round(a.pitch.medianHz)} Hz varying ${a.pitch.variationSemitones} semitones${a.pitch.monotone ? ' (monotone)' : ''}, `
      + `loudness ${Math.round(a.loudness.meanDb)} dBFS, ${Math.round(a.rate.syllablesPerMinute)} syllables a minute `
      + `(${Math.round(a.rate.articulationSyllablesPerMinute)} while speaking)`) : null);
  mount(head,
    h('div', { class: 'card row' }, h('div', { class: 'score', id: 'score' }, `${t.score.total}/100`),
      h('div', {}, h('div', { id: 'verdict-decision' }, h('b', {}, t.verdict.decision)), h('div', { class: 'verdict', id: 'verdict' }, t.verdict.text))),
    h('div', { class: 'card' }, h('h2', {}, 'Phases against targets'), phaseChart(t.phases),
      h('div', { class: 'muted' }, `Answer ${clock(t.budget.seconds)} against ${clock(t.budget.minSeconds)}–${clock(t.budget.maxSeconds)} (${t.budget.status})`)),
    h('div', { class: 'card' }, h('h2', {}, 'Checklist'), rules),
    h('div', { class: 'card' }, h('h2', {}, 'Replay'), audio, transcript),
    h('div', { class: 'card' }, h('h2', {}, 'Delivery'), delivery),
    h('div', { class: 'card muted' }, t.score.parts.map((p) => `${p.part} ${p.points}/${p.max}`).join(' · ')));
}
