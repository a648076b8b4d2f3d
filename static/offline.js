// Installs the service worker (static/sw.js) so that ParamLab works offline after this visit,
// and caches the files this page already loaded (the worker only sees later requests). When
// everything is cached, <html data-offline="ready"> says so (the end-to-end tests wait for it).
(function () {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  // The files are listed once the app has started (Trunk's loader says so), so that the
  // WebAssembly, fetched only after the first paint, is among them.
  var started = new Promise(function (ok) { addEventListener('TrunkApplicationStarted', ok, { once: true }); });
  navigator.serviceWorker.register('./sw.js').then(function () {
    return Promise.all([navigator.serviceWorker.ready, started]);
  }).then(function () {
    var here = location.origin;
    var files = performance.getEntriesByType('resource')
      .map(function (e) { return e.name; })
      .filter(function (url) { return url.indexOf(here + '/') === 0 && !/\/sw\.js$/.test(url); });
    return caches.open('paramlab').then(function (cache) {
      // The Tuning lab's search worker is loaded only when that lab opens: cached now too.
      // (addAll refuses a list with the same address twice.)
      var all = files.concat(['./', 'search-worker.js'].map(function (f) { return new URL(f, location.href).href; }));
      return cache.addAll(all.filter(function (url, i) { return all.indexOf(url) === i; }));
    });
  }).then(function () {
    document.documentElement.dataset.offline = 'ready';
  }).catch(function (why) {
    // Offline use is a bonus: the app works online without it.
    document.documentElement.dataset.offline = 'unavailable';
    console.info('ParamLab will not work offline here: ' + why);
  });
})();
