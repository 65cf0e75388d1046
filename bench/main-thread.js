// The in-page half of the main-thread figure (bench/run.mjs, measureMainThread):
// from the start of the import to the modal being shown, with the CPU throttled
// by the driver. `?build=<path>` imports that build of the element and waits for
// its first `link-open`; `?build=bare` imports a module that shows a plain
// <dialog> holding an <iframe>, the least any such page does.
// Reports on window.mainThread: { ms, longestTaskMs, longTasks }.

const params = new URLSearchParams(location.search);
const build = params.get('build') ?? 'bare';
const hosted = params.get('hosted') ?? '';

/** @type {PerformanceEntry[]} */
const tasks = [];
// Long tasks are those of 50 ms or more; a page with none reports 0.
new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});

const start = performance.now();
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
// A long task is reported once it has ended: let the one that opened the modal end.
await new Promise((resolve) => setTimeout(resolve, 0));
const within = tasks.filter((t) => t.startTime + t.duration > start && t.startTime < end);
Object.assign(window, {
  mainThread: {
    ms: end - start,
    longestTaskMs: Math.max(0, ...within.map((t) => t.duration)),
    longTasks: within.length,
  },
});
