import { h, mount, api, notice, questionText } from './dom.js';

// The story bank: your stories, each for the LPs it can answer, told in takes of any question, with the best spoken
// take of each (the server picks it, as progress counts takes).
export async function storiesView() {
  const lps = [...new Set((await api('/api/questions')).filter((q) => !q.own).map((q) => q.lp))].filter((l) => l !== 'General').sort();
  const list = h('div', { id: 'story-list' });
  const render = async () => {
    const stories = await api('/api/stories');
    const items = await Promise.all(stories.map(async (s) => h('div', { class: 'card story', 'data-story': s.id },
      h('h2', {}, s.title),
      h('div', { class: 'story-lps' }, s.lps.map((lp) => [h('span', { class: 'chip' }, lp), ' '])),
      s.notes ? h('p', { class: 'story-notes' }, s.notes) : null,
      h('p', { class: 'story-best' }, s.best
        ? ['Best spoken take: ', h('a', { href: `#/attempt/${encodeURIComponent(s.best.id)}` }, `${s.best.score}/100`),
          ` — ${await questionText(s.best.questionId)} (${s.best.level.toUpperCase()}, ${new Date(s.best.startedAt).toLocaleDateString()})`]
        : s.takes ? `Told in ${s.takes} take${s.takes === 1 ? '' : 's'}, none a finished spoken practice take yet.`
          : 'Not told yet: pick it under a report\'s "Story told".'),
      h('button', { type: 'button', class: 'delete', 'aria-label': `Delete the story ${s.title}`, onclick: async () => {
        if (!confirm('Delete this story? The takes that told it stay.')) return;
        try {
          await api(`/api/stories/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
          notice(`Deleted the story “${s.title}”.`);
        } catch (e) {
          notice(e.message);
        }
        await render();
      } }, 'Delete'))));
    list.replaceChildren(...(items.length ? items : [h('p', { class: 'muted', id: 'no-stories' }, 'No stories yet: add the ones you tell.')]));
  };
  mount(h('h1', {}, 'Your stories'),
    h('p', {}, 'The stories you tell, each for the Leadership Principles it can answer. One story serves many questions: pick it under a take\'s report and its best spoken take shows here.'),
    storyForm(lps, render), list);
  await render();
}

function storyForm(lps, render) {
  const title = h('input', { id: 'story-title', type: 'text', maxlength: 120 });
  const notes = h('textarea', { id: 'story-notes', rows: 3, maxlength: 2000 });
  const boxes = lps.map((lp) => h('label', { class: 'lp-choice' }, h('input', { type: 'checkbox', value: lp, name: 'story-lp' }), ` ${lp}`));
  const status = h('p', { id: 'story-status', role: 'status' });
  const add = async (e) => {
    e.preventDefault();
    try {
      const s = await api('/api/stories', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: title.value, notes: notes.value,
          lps: boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value) }) });
      title.value = '';
      notes.value = '';
      boxes.forEach((b) => { b.querySelector('input').checked = false; });
      status.className = 'good';
      status.textContent = `Kept: “${s.title}”.`;
      await render();
    } catch (err) {
      status.className = 'error';
      status.textContent = err.message;
    }
  };
  return h('form', { class: 'card', id: 'story-form', onsubmit: add },
    h('h2', {}, 'Add a story'),
    h('label', { for: 'story-title' }, 'Title'), title,
    h('label', { for: 'story-notes' }, 'A few notes (what happened, the number, the lesson)'), notes,
    h('fieldset', {}, h('legend', {}, 'It can answer'), boxes),
    h('button', { type: 'submit', class: 'primary', id: 'story-add' }, 'Add story'), status);
}

// Under a report: which story this take told, chosen from the bank (those for the question's LP first).
export async function storyPicker(attempt, lp) {
  const [stories, told] = await Promise.all([api('/api/stories'), api(`/api/attempts/${encodeURIComponent(attempt.id)}/story`)]);
  const fits = (s) => s.lps.some((l) => l.toLowerCase() === (lp || '').toLowerCase());
  const sorted = [...stories.filter(fits), ...stories.filter((s) => !fits(s))];
  const status = h('span', { id: 'story-told-status', role: 'status', class: 'muted' });
  const select = h('select', { id: 'story-told' }, h('option', { value: '' }, 'No story picked'),
    sorted.map((s) => h('option', { value: s.id, selected: s.id === told.story }, fits(s) ? s.title : `${s.title} (not linked to ${lp})`)));
  select.onchange = async () => {
    try {
      await api(`/api/attempts/${encodeURIComponent(attempt.id)}/story`, { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ story: select.value || null }) });
      status.textContent = select.value ? 'Kept with the story.' : 'No story.';
    } catch (e) {
      status.textContent = e.message;
    }
  };
  return h('div', { class: 'card', id: 'story-told-box', 'data-attempt': attempt.id }, h('label', { for: 'story-told' }, 'Story told '), select, ' ', status,
    stories.length ? null : h('p', { class: 'muted' }, h('a', { href: '#/stories' }, 'Add your stories'), ' to keep each take with the story it told.'));
}
