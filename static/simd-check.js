// Without WebAssembly SIMD the app's module cannot load and the page would stay blank: say why.
// (A file of its own, not an inline script, so the Content-Security-Policy needs no exception.)
(function () {
  var simd = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
    10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(simd)) {
    document.getElementById('unsupported').hidden = false;
  }
})();
