// StreamGate console: copy buttons and the print button; everything else is PrimeFaces.
(function () {
  'use strict';

  function copy(text, button) {
    var done = function () {
      if (!button) return;
      var label = button.textContent;
      button.textContent = 'Copied';
      button.classList.add('copied');
      setTimeout(function () { button.textContent = label; button.classList.remove('copied'); }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else {
      fallback(text);
      done();
    }
  }

  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    document.body.removeChild(area);
  }

  document.addEventListener('click', function (event) {
    var one = event.target.closest('[data-copy]');
    if (one) {
      copy(one.getAttribute('data-copy'), one);
      return;
    }
    var all = event.target.closest('[data-copy-all]');
    if (all) {
      var codes = Array.prototype.map.call(
        document.querySelectorAll(all.getAttribute('data-copy-all')),
        function (node) { return node.textContent.trim(); });
      copy(codes.join('\n'), all);
      return;
    }
    if (event.target.closest('[data-print]')) {
      window.print();
    }
  });
})();
