// Habits a listener notices, counted from the scored words: fillers by kind, the words sentences keep
// starting with, and hedges. Each list is [{ text, count }], most frequent first.

const byCount = (counts) => [...counts.entries()].map(([text, count]) => ({ text, count }))
  .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));

export function groupFillers(items) {
  const counts = new Map();
  items.forEach((f) => { const k = f.text.toLowerCase(); counts.set(k, (counts.get(k) || 0) + 1); });
  return byCount(counts);
}

// A sentence starts after a silence of at least this long (the recognizer gives no punctuation).
const SENTENCE_GAP = 0.35;
const OPENERS = new Set(['so', 'and', 'then', 'but', 'well', 'now', 'also', 'basically', 'okay', 'right', 'like', 'actually']);

export function openers(words) {
  const counts = new Map();
  words.forEach((w, i) => {
    const starts = i === 0 || w.start - words[i - 1].end >= SENTENCE_GAP;
    if (starts && OPENERS.has(w.word)) counts.set(w.word, (counts.get(w.word) || 0) + 1);
  });
  return byCount(counts).filter((g) => g.count >= 3);
}

const HEDGES = [['i', 'think'], ['i', 'guess'], ['i', 'believe'], ['maybe'], ['probably'], ['perhaps'], ['sort', 'of'],
  ['somewhat'], ['hopefully'], ['i', 'suppose'], ['more', 'or', 'less']];

export function hedges(words) {
  const said = words.map((w) => w.word);
  const counts = new Map();
  for (let i = 0; i < said.length; i++) {
    for (const h of HEDGES) {
      if (h.every((x, k) => said[i + k] === x)) counts.set(h.join(' '), (counts.get(h.join(' ')) || 0) + 1);
    }
  }
  return byCount(counts);
}
