// Team mode (docs/teams.md): who is signed in, signing out, and the sign-in token every change must carry. In personal
// mode nobody signs in (/api/me says so) and this module does nothing.
import { h } from './dom.js';

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
  nav.append(h('span', { class: 'who', id: 'who' }, `${who.name} (${who.role})`),
    h('button', { type: 'button', id: 'sign-out', onclick: signOut }, 'Sign out'));
}

me.then((who) => {
  if (!who) return;
  if (document.readyState === 'loading') window.addEventListener('DOMContentLoaded', () => bar(who));
  else bar(who);
});
