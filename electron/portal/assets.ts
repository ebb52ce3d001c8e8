/** The portal's stylesheet and script, served from its own origin (its CSP allows nothing inline). */
export const portalStyles = `
:root { --brand: #1f4e79; --brand-ink: #fff; --ink: #1d2330; --muted: #5b6475; --line: #dde2ea; font: 15px/1.5 system-ui, sans-serif; color: var(--ink); }
body { margin: 0; background: #f6f7f9; }
.acting { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: .5rem 1rem; color: #fff; font-weight: 600; }
.acting.partner { background: #b45309; }
.acting.client { background: #0f766e; }
/* A client user's own bar wears the brand, in the text colour derived from it (see inkOn). */
.acting.user { background: var(--brand); color: var(--brand-ink); border-bottom: 1px solid rgb(0 0 0 / 15%); }
.acting.user button { border: 1px solid rgb(0 0 0 / 25%); }
.acting form { margin: 0; }
.acting button, .timer button { background: #fff; color: var(--ink); border: 0; border-radius: 6px; padding: .35rem .8rem; font-weight: 600; cursor: pointer; }
.timer { background: #fef3c7; padding: .5rem 1rem; display: flex; gap: 1rem; align-items: center; }
.timer[hidden] { display: none; }
.read-only { margin: 0; padding: .5rem 1rem; background: #fee2e2; color: #7f1d1d; }
.brand { display: flex; align-items: center; gap: .75rem; padding: .75rem 1rem; background: var(--brand); color: var(--brand-ink); }
.brand img { height: 32px; }
.brand .client-name { margin-left: auto; opacity: .85; }
nav { display: flex; gap: 1rem; padding: .5rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
nav a { color: var(--muted); text-decoration: none; padding: .25rem 0; }
nav a[aria-current="page"] { color: var(--ink); border-bottom: 2px solid var(--brand); }
main { padding: 1.5rem 1rem; max-width: 960px; }
.features { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: .75rem; }
.features li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
.features li.hidden-feature { border-style: dashed; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; }
dt { color: var(--muted); }
.message { margin: 3rem auto; max-width: 520px; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1.5rem; }
.sign-in { display: grid; gap: .75rem; }
.sign-in input { display: block; width: 100%; padding: .4rem; box-sizing: border-box; }
.error { color: #b91c1c; }
`;

export const portalScript = `
(() => {
  const header = document.querySelector('[data-colour]');
  if (header && header.dataset.colour) {
    document.documentElement.style.setProperty('--brand', header.dataset.colour);
    document.documentElement.style.setProperty('--brand-ink', header.dataset.ink);
  }
  const timer = document.querySelector('.timer');
  if (!timer) return;
  const check = async () => {
    const response = await fetch('/session/status', { credentials: 'same-origin' });
    if (!response.ok) return;
    const { endsAt, now } = await response.json();
    timer.hidden = endsAt - now > 60000;
  };
  const text = document.createElement('span');
  text.textContent = timer.dataset.text;
  const extend = document.createElement('button');
  extend.type = 'button';
  extend.textContent = timer.dataset.extend;
  extend.addEventListener('click', async () => {
    await fetch('/session/extend', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': timer.dataset.csrf } });
    void check();
  });
  timer.append(text, extend);
  void check();
  setInterval(check, 15000);
})();
`;
