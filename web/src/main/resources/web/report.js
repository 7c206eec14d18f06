import { storyPicker } from './stories.js';
import { me } from './team.js';
import { h, svg, mount, api, PHASES, TITLES, clock, secs, STATUS, ruleName, questionText, FACTS } from './dom.js';
import { qualityLine } from './quality.js';

const s = svg;
export const COLOURS = { situation: '#3b6a99', task: '#a65300', action: '#3d7a35', result: '#c0392b', reflection: '#8a5a83' };

// Charts are drawn at the width they are shown at, so their labels stay 12 px on a phone as on a desktop.
function responsive(draw, id) {
  const box = h('div', { class: 'chart', id });
  let last = 0;
  new ResizeObserver(() => {
    const width = Math.round(box.clientWidth);
    if (width > 0 && width !== last) {
      last = width;
      box.replaceChildren(draw(width));
    }
  }).observe(box);
  return box;
}

// The phases by name and colour: colour is never the only way a phase is told.
export function phaseLegend() {
  return h('ul', { class: 'legend', 'aria-label': 'phase colours' },
    PHASES.map((p) => h('li', { class: `phase-${p}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), TITLES[p])));
}

// Each phase's time against its target: a bar per phase, a mark at the target, the seconds and status as text.
export function phaseChart(phases, width = 560) {
  const left = 84;
  const right = width < 420 ? 120 : 150;
  const span = Math.max(60, width - left - right);
  const scale = Math.max(...phases.map((p) => Math.max(p.seconds, p.targetSeconds)), 1) * 1.05;
  const svg = s('svg', { viewBox: `0 0 ${width} ${phases.length * 32 + 8}`, width, height: phases.length * 32 + 8, id: 'phase-chart',
    role: 'img', 'aria-label': `each phase against its target: ${phases.map((p) => `${TITLES[p.phase]} ${secs(p.seconds)} of ${Math.round(p.targetSeconds)}, ${STATUS[p.status]}`).join('; ')}` });
  phases.forEach((p, i) => {
    const y = 8 + i * 32;
    const w = (span * p.seconds) / scale;
    const t = left + (span * p.targetSeconds) / scale;
    svg.append(s('text', { x: 0, y: y + 15 }, TITLES[p.phase]));
    svg.append(s('rect', { x: left, y, width: Math.max(w, 1), height: 20, fill: COLOURS[p.phase], 'data-phase': p.phase }));
    svg.append(s('line', { x1: t, x2: t, y1: y - 3, y2: y + 23, stroke: '#222', 'stroke-width': 2 }));
    svg.append(s('text', { x: Math.max(left + w, t) + 6, y: y + 15, class: 'value' }, `${secs(p.seconds)} / ${Math.round(p.targetSeconds)} · ${STATUS[p.status]}`));
  });
  return svg;
}

// The whole answer on one time line: phase bands, then pauses, fillers and the flagged evidence, each clickable.
function answerTimeline(t, pauses, play, width) {
  const top = 4;
  const band = 26;
  const end = Math.max(t.durationSeconds, ...t.words.map((w) => w.end), 1);
  const x = (sec) => (sec / end) * (width - 2) + 1;
  const svg = s('svg', { viewBox: `0 0 ${width} 104`, width, height: 104, id: 'answer-timeline', role: 'group',
    'aria-label': 'the answer over time: phases, pauses, fillers and flagged words' });
  for (const p of t.phases) {
    for (const seg of p.segments || []) {
      const r = s('rect', { x: x(seg.start), y: top, width: Math.max(1, x(seg.end) - x(seg.start)), height: band, fill: COLOURS[p.phase], class: 'band', 'data-phase': p.phase });
      r.append(s('title', {}, `${TITLES[p.phase]} ${clock(seg.start)}–${clock(seg.end)}`));
      r.addEventListener('click', () => play(seg.start));
      svg.append(r);
      if (x(seg.end) - x(seg.start) > 70) svg.append(s('text', { x: x(seg.start) + 4, y: top + 17, class: 'on-band' }, TITLES[p.phase]));
    }
  }
  // each mark is a button: focusable, played with Enter or Space, and given a hit area at least 24 px wide around
  // its drawn width (a filler is a few pixels on a phone)
  const mark = (cls, from, to, y, hgt, title) => {
    const drawn = Math.max(4, x(to) - x(from));
    const g = s('g', { class: `mark ${cls}`, tabindex: '0', role: 'button', 'aria-label': `${title}: play` });
    g.append(s('title', {}, title));
    g.append(s('rect', { x: x(from) + drawn / 2 - Math.max(24, drawn) / 2, y: y - 2, width: Math.max(24, drawn), height: hgt + 4, class: 'hit' }));
    g.append(s('rect', { x: x(from), y, width: drawn, height: hgt, class: cls }));
    g.addEventListener('click', () => play(from));
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); play(from); } });
    svg.append(g);
  };
  pauses.forEach((p) => mark('pause-mark', p.start, p.end, top + band + 6, 12, `pause ${p.seconds} s after “${p.after}”`));
  t.delivery.fillers.items.forEach((f) => mark('filler-mark', f.start, f.end, top + band + 24, 12, `filler “${f.text}” at ${clock(f.start)}`));
  t.rules.filter((r) => !r.passed && r.status !== 'unclear').forEach((r) => r.evidence.forEach((e) => mark('flag-mark', e.start, e.end, top + band + 42, 12, `${ruleName(r.id)}: “${e.text}”`)));
  const step = [5, 10, 15, 30, 60].find((st) => end / st <= Math.max(3, Math.floor(width / 70))) || 60;
  for (let sec = 0; sec <= end; sec += step) {
    svg.append(s('text', { x: Math.min(x(sec), width - 30), y: 101, class: 'tick' }, clock(sec)));
  }
  return svg;
}

// Words a minute over a sliding 20-second window, against the band the pace check passes (the engine's, from /api/facts).
function paceChart(words, duration, width) {
  const { slowest, fastest } = FACTS.pace;
  const height = 150;
  const left = 36;
  const bottom = 22;
  const end = Math.max(duration, 1);
  const maxWpm = 240;
  const x = (sec) => left + (sec / end) * (width - left - 8);
  const y = (wpm) => 6 + (1 - Math.min(wpm, maxWpm) / maxWpm) * (height - bottom - 6);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, id: 'pace-chart', role: 'img',
    'aria-label': `pace over time in words a minute, against the ${slowest} to ${fastest} band` });
  svg.append(s('rect', { x: left, y: y(fastest), width: width - left - 8, height: y(slowest) - y(fastest), class: 'pace-band' }));
  // its edges drawn dark: the pale fill alone is not told from the white around it
  [slowest, fastest].forEach((v) => svg.append(s('line', { x1: left, x2: width - 8, y1: y(v), y2: y(v), class: 'pace-band-edge' })));
  [0, slowest, fastest, 240].forEach((v) => svg.append(s('text', { x: 0, y: y(v) + 4, class: 'tick' }, String(v))));
  const points = [];
  for (let at = 0; at <= end; at += Math.max(1, end / 80)) {
    const from = Math.max(0, at - 10);
    const to = Math.min(end, at + 10);
    const n = words.filter((w) => w.start >= from && w.start < to).length;
    points.push(`${x(at).toFixed(1)},${y((n / Math.max(to - from, 5)) * 60).toFixed(1)}`);
  }
  svg.append(s('polyline', { points: points.join(' '), class: 'pace-line' }));
  svg.append(s('text', { x: left, y: height - 4, class: 'tick' }, '0:00'));
  svg.append(s('text', { x: width - 40, y: height - 4, class: 'tick' }, clock(end)));
  return svg;
}

// pass, fail, or unclear: the verdict rests on words the recognizer was unsure of (docs/scored-transcript.md)
export const ruleState = (r) => (r.status === 'unclear' ? 'unclear' : r.passed ? 'pass' : 'fail');
const STATE_WORDS = { pass: ' (passed)', fail: ' (not yet)', unclear: ' (unclear on the recording)' };

// Evidence chips: each span once (a transcript kept before the engine dropped repeats may hold one several times),
// the first six at once and "+N more" for the rest. A written answer's chip quotes the writer's own tokens.
function evidenceChips(r, play, t) {
  const seen = new Set();
  const evidence = r.evidence.filter((e) => { const k = `${e.start}|${e.end}|${e.text}`; return !seen.has(k) && seen.add(k); });
  const quoted = (e) => (t.input !== 'written' ? e.text
    : t.words.filter((w) => w.shown && w.start >= e.start - 0.01 && w.start <= e.end + 0.01).map((w) => w.shown).join(' ') || e.text);
  const chip = (e) => h('button', { class: `evidence ${ruleState(r)}`, onclick: () => play(e.start),
    title: `${e.start.toFixed(1)}–${e.end.toFixed(1)} s: play`, type: 'button' }, quoted(e));
  // an unclear rule leads with the stretch to listen to again
  const first = (r.replay ? [h('button', { class: 'evidence unclear replay', onclick: () => play(r.replay.start), type: 'button',
    title: `${r.replay.start.toFixed(1)}–${r.replay.end.toFixed(1)} s: replay` }, `▶ replay “${r.replay.text}”`)] : [])
    .concat(evidence.slice(0, 6).map(chip));
  const rest = evidence.slice(6);
  if (!rest.length) return h('div', { class: 'chips' }, first);
  const box = h('div', { class: 'chips' }, first);
  const more = h('button', { class: 'more', type: 'button', 'aria-expanded': 'false' }, `+${rest.length} more`);
  more.onclick = () => { more.replaceWith(...rest.map(chip)); };
  box.append(more);
  return box;
}

const MODES = { practice: 'Practice', mock: 'Mock interview', interview: 'Interview question', written: 'Typed' };
const STATES = { complete: 'finished', incomplete: 'cut off (what was heard is kept)', recording: 'still recording' };

// The transcript's words by keyboard: one tab stop (the first word, then the last one visited), arrow keys move word by
// word, Home and End to either end, Enter or Space plays from the word.
function wordKeys(transcript, spans, play, words) {
  let at = 0;
  if (spans[0]) spans[0].tabIndex = 0;
  const go = (i) => {
    spans[at].tabIndex = -1;
    at = Math.max(0, Math.min(spans.length - 1, i));
    spans[at].tabIndex = 0;
    spans[at].focus();
  };
  transcript.setAttribute('role', 'group');
  transcript.setAttribute('aria-label', 'transcript: arrow keys move word by word, Enter plays from the word');
  transcript.addEventListener('keydown', (e) => {
    const i = spans.indexOf(e.target);
    if (i < 0) return;
    at = i;
    const moves = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: spans.length - 1 };
    if (e.key in moves) { e.preventDefault(); go(moves[e.key]); } else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); play(words[i].start); }
  });
}

// A download named for what it is, the question and when it was answered (UTC), as the server names its downloads
// (Api.downloadName), not by the attempt's id.
export function fileName(attempt, ext) {
  const at = attempt.startedAt.replace(/^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d).*/, '$1-$2$3');
  return `starpace-${attempt.questionId.replace(/[^A-Za-z0-9-]/g, '')}-${attempt.level.replace(/[^A-Za-z0-9]/g, '')}-${at}.${ext}`;
}

// The report as one HTML file, made from the page on screen so it is as complete as the page (its charts, time line,
// score breakdown, every piece of evidence), with the page's styles inline and nothing to click or play.
async function exportReport(attempt, question) {
  document.querySelectorAll('#app .more').forEach((more) => more.click());
  const css = await fetch('/style.css').then((r) => r.text());
  const copy = h('main', {}, [...document.getElementById('app').cloneNode(true).childNodes]);
  copy.querySelectorAll('.actions, audio, #story-told-box').forEach((n) => n.remove());
  // buttons do nothing in a file: their words stay, as plain text
  copy.querySelectorAll('button').forEach((b) => b.replaceWith(h('span', { class: b.className }, b.textContent)));
  copy.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
  // written out as text: a style element put in any document made here would fall under this page's policy
  const head = [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', {}, `StarPace report: ${question}`)].map((e) => e.outerHTML).join('');
  const file = new Blob([`<!doctype html>\n<html lang="en"><head>${head}<style>${css}</style></head><body>${copy.outerHTML}</body></html>`],
    { type: 'text/html' });
  const link = h('a', { href: URL.createObjectURL(file), download: fileName(attempt, 'html') });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export async function reportView(id) {
  const attempt = await api(`/api/attempts/${encodeURIComponent(id)}`);
  const question = await questionText(attempt.questionId);
  const t = attempt.transcript;
  const base = `/api/attempts/${encodeURIComponent(id)}`;
  // a mock interview's follow-ups, to name the ones it did not answer
  const probes = attempt.mode === 'mock' ? await api(`${base}/probes`).catch(() => []) : [];
  // a written answer has no recording to play
  const spoken = attempt.mode !== 'written';
  const audio = spoken ? h('audio', { controls: true, src: `${base}/audio`, id: 'replay-audio', preload: 'auto' }) : null;
  const again = `#/q/${encodeURIComponent(attempt.questionId)}/practice?level=${attempt.level}`;
  const head = [h('h1', {}, 'Report'), h('p', { class: 'question-line', id: 'report-question' }, question),
    h('div', { class: 'muted', id: 'attempt-meta' },
      `${attempt.level.toUpperCase()} · ${MODES[attempt.mode] || attempt.mode} · ${new Date(attempt.startedAt).toLocaleString()} · ${STATES[attempt.status] || attempt.status}`),
    h('div', { class: 'row actions' }, h('a', { class: 'button primary', href: again, id: 'practise-again' }, 'Practise again'),
      spoken ? h('a', { class: 'button', href: `${base}/audio?download=1`, download: fileName(attempt, 'wav'), id: 'export-audio' }, 'Audio (WAV)') : null,
      t ? h('a', { class: 'button', href: `${base}/transcript.json`, download: fileName(attempt, 'json'), id: 'export-json' }, 'Scored transcript (JSON)') : null,
      t ? h('button', { type: 'button', id: 'export-html', onclick: () => exportReport(attempt, question) }, 'Report (HTML)') : null,
      t ? h('button', { type: 'button', id: 'print-report', onclick: () => window.print() }, 'Print or save as PDF') : null)];
  if (!t) {
    mount(head, h('p', {}, 'No words were recognised in this attempt.'), audio, followUps(attempt, probes));
    return;
  }
  // the story a take told is its owner's to keep (GET …/story is the owner's alone): a coach reviewing a shared take
  // gets no picker, not a report that fails with the route's 404
  const who = await me;
  if (!who || who.id === attempt.owner) head.push(await storyPicker(attempt, t.question.lp));
  const flagged = new Set();
  t.rules.filter((r) => ruleState(r) === 'fail').forEach((r) => r.evidence.forEach((e) => {
    t.words.forEach((w, i) => { if (w.start >= e.start - 0.01 && w.end <= e.end + 0.01) flagged.add(i); });
  }));
  // the player is brought into view when it plays (evidence at the top plays a player further down)
  const play = (at) => {
    if (!audio) return;
    audio.currentTime = Math.max(0, at);
    audio.play().catch(() => {});
    const r = audio.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) audio.scrollIntoView({ block: 'center' });
  };
  // a written answer is shown as written: each of the writer's tokens once, on its first word, casing and punctuation kept
  const written = t.input === 'written';
  const spans = t.words.map((w, i) => h('span', { class: `w phase-${w.phase}${flagged.has(i) ? ' flag' : ''}`, 'data-start': w.start,
    'data-index': i, title: `${TITLES[w.phase]} ${w.start.toFixed(1)} s`, onclick: () => play(w.start), tabindex: spoken ? '-1' : null,
    role: spoken ? 'button' : null }, written ? (w.shown ?? '') : w.word));
  // a phase's name where it begins, so the transcript does not rely on colour alone
  const parts = [];
  let shownPhase = null;
  spans.forEach((sp, i) => {
    if (written && t.words[i].shown == null) return;
    if (t.words[i].phase !== shownPhase) parts.push(h('span', { class: `phase-start phase-${t.words[i].phase}` }, TITLES[t.words[i].phase]));
    shownPhase = t.words[i].phase;
    parts.push(sp, ' ');
  });
  const transcript = h('p', { class: 'transcript', id: 'report-transcript' }, parts);
  if (spoken) wordKeys(transcript, spans, play, t.words);
  let current = -1;
  if (audio) audio.addEventListener('timeupdate', () => {
    const now = audio.currentTime;
    const i = t.words.findIndex((w) => w.start <= now && now < w.end + 0.15);
    if (i !== current) {
      if (current >= 0) spans[current].classList.remove('now');
      if (i >= 0) spans[i].classList.add('now');
      current = i;
    }
  });
  const rules = h('ul', { class: 'rules', id: 'rule-checklist' }, t.rules.map((r) => h('li', { class: ruleState(r), 'data-rule': r.id },
    h('b', {}, ruleName(r.id)), h('span', { class: 'sr-only' }, STATE_WORDS[ruleState(r)]), ' — ', r.message, evidenceChips(r, play, t))));
  const d = t.delivery;
  const a = d.audio;
  // one pause count: the audio's when there is audio (it hears silences the recognizer smooths over)
  const pauses = written ? [] : a ? a.pauses.items : d.pauses.items;
  // the engine counts the word habits (ScoredTranscript.habits): the page only shows them
  const { mostUsed, openers: openerGroups, hedges: hedgeGroups, fillers: fillerGroups } = t.habits;
  const counted = (groups) => groups.map((g) => `${g.text} ×${g.count}`).join(', ');
  // a typed answer keeps its word habits (fillers, openers, hedges are in the words) but nothing measured in time
  const delivery = h('div', { id: 'delivery' },
    written ? h('p', { id: 'delivery-written' }, 'A written answer: pace and pauses are not judged, and fillers are only counted.')
      : h('p', {}, `Pace: ${Math.round(d.wordsPerMinute)} words a minute — `,
        Object.entries(d.phaseWordsPerMinute).map(([p, v]) => `${TITLES[p]} ${Math.round(v)}`).join(', ')),
    h('p', { id: 'filler-groups' }, fillerGroups.length ? `Fillers (${d.fillers.count}): ${counted(fillerGroups)}` : `Fillers: none ${written ? 'written' : 'heard'}`),
    mostUsed.length ? h('p', { id: 'most-used' }, `Most used: ${counted(mostUsed)}`) : null,
    openerGroups.length ? h('p', { id: 'opener-groups' }, `Sentences often start with: ${counted(openerGroups)}`) : null,
    hedgeGroups.length ? h('p', { id: 'hedge-groups' }, `Hedges: ${counted(hedgeGroups)}`) : null,
    written ? null : a ? h('p', { id: 'pause-line' }, `Pauses: ${a.pauses.count} (${a.pauses.betweenSentences} between sentences, ${a.pauses.withinSentences} within a sentence)`)
      : h('p', { id: 'pause-line' }, `Pauses of ${d.pauses.thresholdSeconds} s or more: ${d.pauses.count}, the longest ${d.pauses.longestSeconds} s`),
    a ? h('p', {}, `Voice: pitch around ${Math.round(a.pitch.medianHz)} Hz, varying ${a.pitch.variationSemitones} semitones${a.pitch.monotone ? ' (monotone: vary it to keep attention)' : ''}; `
      + `${Math.round(a.rate.syllablesPerMinute)} syllables a minute (${Math.round(a.rate.articulationSyllablesPerMinute)} while speaking)`) : null);
  const parts100 = h('table', { class: 'score-parts', id: 'score-parts' }, t.score.parts.map((p) => h('tr', {},
    h('th', { scope: 'row' }, p.part.charAt(0).toUpperCase() + p.part.slice(1)),
    h('td', {}, `${Math.round(p.points)} of ${Math.round(p.max)} points`), h('td', { class: 'muted' }, p.note))));
  // a noisy, clipped or quiet recording: said before the score, since the findings are less certain
  const quality = a && a.quality;
  mount(head,
    quality && quality.problems.length ? h('p', { class: 'quality-warning', id: 'report-quality' }, qualityLine(quality)) : null,
    h('div', { class: 'card row' }, h('div', { class: 'score', id: 'score' }, `${t.score.total}/100`),
      h('div', { class: 'verdict-box' }, h('div', { id: 'verdict-decision' }, h('b', {}, t.verdict.decision)), h('div', { class: 'verdict', id: 'verdict' }, t.verdict.text))),
    h('div', { class: 'card' }, h('h2', {}, 'The answer over time'), phaseLegend(),
      responsive((w) => answerTimeline(t, pauses, play, w), 'answer-timeline-box'),
      h('ul', { class: 'legend marks' }, h('li', {}, h('span', { class: 'swatch pause-mark' }), 'pause'),
        h('li', {}, h('span', { class: 'swatch filler-mark' }), 'filler'), h('li', {}, h('span', { class: 'swatch flag-mark' }), 'flagged words'))),
    h('div', { class: 'card' }, h('h2', {}, 'Phases against targets'), responsive((w) => phaseChart(t.phases, w), 'phase-chart-box'),
      h('div', { class: 'muted' }, `Answer ${clock(t.budget.seconds)} against ${clock(t.budget.minSeconds)}–${clock(t.budget.maxSeconds)} (${STATUS[t.budget.status]})`)),
    h('div', { class: 'card' }, h('h2', {}, 'Checklist'), rules),
    h('div', { class: 'card' }, h('h2', {}, spoken ? 'Replay' : 'Transcript'), audio, phaseLegend(), transcript),
    // a typed answer was never spoken: no pace, pause or filler is judged on its estimated timings
    written ? null : h('div', { class: 'card' }, h('h2', {}, 'Pace over time'), responsive((w) => paceChart(t.words, t.durationSeconds, w), 'pace-chart-box'),
      h('p', { class: 'muted', id: 'pace-band' }, `The shaded band is ${FACTS.pace.slowest}–${FACTS.pace.fastest} words a minute, the pace the check passes.`)),
    h('div', { class: 'card' }, h('h2', {}, written ? 'Word habits' : 'Delivery'), delivery),
    followUps(attempt, probes),
    h('div', { class: 'card' }, h('h2', {}, 'How the score adds up'), parts100, t.score.note ? h('p', { class: 'muted', id: 'score-note' }, t.score.note) : null));
}

// A mock interview's follow-ups: the question, what was said, and the verdict; then the ones not answered (skipped, or
// not reached before the interview ended), so that a gap is not mistaken for a pass.
function followUps(attempt, probes) {
  const answered = attempt.followUps || [];
  const base = `/api/attempts/${encodeURIComponent(attempt.id)}/follow-ups`;
  const unanswered = (probes || []).filter((p) => !answered.some((f) => f.probe === p.index));
  if (!answered.length && !unanswered.length) return null;
  return h('div', { class: 'card', id: 'follow-ups' }, h('h2', {}, 'Follow-up questions'),
    answered.map((f) => h('div', { class: 'follow-up', 'data-verdict': f.verdict.verdict },
      h('strong', {}, f.verdict.question), h('div', { class: f.verdict.verdict === 'strong' ? 'good' : f.verdict.verdict === 'weak' ? 'bad' : 'mixed' }, `Your answer: ${f.verdict.verdict}`),
      h('p', { class: 'said' }, f.answer ? `“${f.answer}”` : 'Nothing was heard.'),
      // replayed like the main answer: what the interviewer heard, not only what the recognizer wrote
      f.recorded ? h('audio', { controls: true, preload: 'metadata', src: `${base}/${f.probe}/audio`, class: 'follow-up-audio',
        'aria-label': `your answer to: ${f.verdict.question}` }) : null,
      h('ul', {}, f.verdict.reasons.map((x) => h('li', {}, x))))),
    unanswered.length ? h('div', { id: 'unanswered-probes' }, h('h3', {}, 'Not answered (skipped, or not reached)'),
      h('ul', {}, unanswered.map((p) => h('li', {}, p.question)))) : null);
}
