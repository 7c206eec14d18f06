import { h, mount, api } from './dom.js';
import { modeTabs } from './app.js';

// A written answer, scored as if spoken at a steady pace: a way to prepare the story before saying it.
export function typedView(card, level) {
  const text = h('textarea', { id: 'typed-answer', rows: 12, 'aria-label': 'your answer', placeholder: 'Type or paste your answer: Situation, Task, Action, Result, Reflection.' });
  const error = h('p', { class: 'error', id: 'typed-error', role: 'alert' });
  const go = h('button', { class: 'primary', id: 'score-typed' }, 'Score my answer');
  go.onclick = async () => {
    error.textContent = '';
    if (!text.value.trim()) { error.textContent = 'Write your answer first.'; return; }
    go.disabled = true;
    try {
      const attempt = await api('/api/attempts/written', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: card.id, level, text: text.value }) });
      location.hash = `#/attempt/${attempt.id}`;
    } catch (e) {
      error.textContent = e.message;
      go.disabled = false;
    }
  };
  mount(h('h1', { id: 'question-title' }, card.question), h('div', { class: 'muted' }, `${card.lp} · ${level.toUpperCase()}`),
    modeTabs(card, level, 'write'),
    h('p', {}, 'Write the answer you would give. It is judged as writing: its phases, timing (as if spoken at a steady pace) and content, with no pace, pause or filler verdict; its score is out of what applies.'),
    text, h('div', { class: 'row' }, go), error);
}
