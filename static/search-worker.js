// ParamLab's search worker (the Tuning lab): computes cross-validation folds off
// the page's thread. It runs the page's own WebAssembly module — the page sends it, already
// compiled, with the address of its JavaScript glue — and calls the exported tune_fold() for each job of a batch
// ({query, jobs: [{point, unit}]}); the page's main() sees no window here and does nothing. Each
// answer is {errors} (one per job, in order; ms: the time they took), or {failed} with the reason, and then the page runs
// the search itself.
let app = null;

self.onmessage = async (event) => {
  const m = event.data;
  if (m.init) {
    app = import(m.init.glue).then(async (glue) => {
      await glue.default({ module_or_path: m.init.module });
      return glue;
    });
    app.catch((why) => self.postMessage({ failed: String(why) }));
    return;
  }
  try {
    const glue = await app;
    const start = performance.now();
    const errors = new Float64Array(m.jobs.length);
    m.jobs.forEach((job, i) => { errors[i] = glue.tune_fold(m.query, job.point, job.unit); });
    self.postMessage({ errors, ms: performance.now() - start });
  } catch (why) {
    self.postMessage({ failed: String(why) });
  }
};
