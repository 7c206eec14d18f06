// Builds DOM nodes. Text always goes in as text nodes, never as HTML, so transcripts cannot inject markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Builds an SVG node: attributes as given, its text (a label, a <title>) as text.
export function svg(tag, attrs = {}, text) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// Replaces an element's children, leaving out the absent ones (the DOM would print them as "null").
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

export function mount(...children) {
  const app = document.getElementById('app');
  app.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return app;
}

// The phases in STAR order and their titles, as the engine names them: filled from /api/facts before the first view.
export const PHASES = [];
export const TITLES = {};

export function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// Seconds beside a status are shown whole, the rule the engine judges the status by (15 s of 20 is on target).
export function secs(seconds) {
  return `${Math.round(seconds)} s`;
}

export const STATUS = { 'on-target': 'on target', short: 'short', long: 'long', missing: 'not heard' };

// The facts the engine defines once (the pace band, each check's name and phase), fetched before the first view.
export const FACTS = { pace: { slowest: 0, fastest: 0 }, checks: [] };
export async function loadFacts() {
  Object.assign(FACTS, await api('/api/facts'));
  PHASES.splice(0, PHASES.length, ...FACTS.phases.map((p) => p.id));
  FACTS.phases.forEach((p) => { TITLES[p.id] = p.title; });
}

// What each check is called on screen; the ids stay in the JSON for tools.
export const ruleName = (id) => (FACTS.checks.find((c) => c.id === id) || {}).name || id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

// A line at the top of the page that outlives a change of view (the answer stopped when you left, ...).
export function notice(...content) {
  const el = document.getElementById('notice');
  el.replaceChildren(...content.flat().filter((c) => c !== null && c !== undefined));
  el.hidden = content.length === 0;
}

// Question texts by id, fetched once: the screen names a question by its words, never by its file name.
let questionTexts = null;
export async function questionText(id) {
  // an own question written since the texts were fetched: fetch them again
  if (!questionTexts || (id.startsWith('own-') && !(await questionTexts).has(id))) {
    questionTexts = api('/api/questions').then((all) => new Map(all.map((q) => [q.id, q.question])));
  }
  return (await questionTexts).get(id) || 'A question no longer in the bank';
}

export async function api(path, options = {}) {
  let res;
  try {
    res = await fetch(path, options);
  } catch (e) {
    throw new Error('StarPace is not answering: is the server still running?');
  }
  if (res.status === 204) return null;
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}
