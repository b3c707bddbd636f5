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

  // Posts a chosen file to the API as it is; resolves to {status, body} with the JSON answer.
  function postFile(url, type, file) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': type, 'Accept': 'application/json'},
      body: file
    }).then(function (response) {
      return response.json().then(function (body) { return {status: response.status, body: body}; },
        function () { return {status: response.status, body: {error: 'The platform answered ' + response.status + '.'}}; });
    });
  }

  // The codes page's import: the chosen file goes to the API as it is (checked first with
  // ?preview=true, then imported), never through a form; answers are shown as text only.
  function importer(root) {
    var eventSelect = root.querySelector('#import-event');
    var fileInput = root.querySelector('#import-file');
    var preview = root.querySelector('#import-preview');
    var result = root.querySelector('#import-result');
    var run = root.querySelector('#import-run');

    function send(previewOnly) {
      var file = fileInput.files[0];
      if (!eventSelect.value || !file) {
        result.textContent = 'Choose an event and a CSV or JSON file of codes.';
        return Promise.reject(new Error('nothing chosen'));
      }
      var json = /\.json$/i.test(file.name);
      return postFile(root.getAttribute('data-api') + encodeURIComponent(eventSelect.value) +
          '/tokens/import' + (previewOnly ? '?preview=true' : ''), json ? 'application/json' : 'text/csv', file);
    }

    function show(answer) {
      var list = preview.querySelector('.import-problems');
      var rows = preview.querySelector('tbody');
      list.textContent = '';
      rows.textContent = '';
      var data = answer.body.data || {};
      var problems = data.problems || answer.body.problems || [];
      var count = data.problemCount !== undefined ? data.problemCount : (answer.body.problemCount || 0);
      root.querySelector('#import-summary').textContent = answer.body.error ? answer.body.error :
        fileInput.files[0].name + ': ' + data.codes + ' codes, ' + count + ' problems.';
      problems.forEach(function (problem) {
        var item = document.createElement('li');
        item.className = 'error';
        item.textContent = problem;
        list.appendChild(item);
      });
      (data.first || []).forEach(function (row) {
        var line = document.createElement('tr');
        [row.place, row.code, row.label || ''].forEach(function (text) {
          var cell = document.createElement('td');
          cell.textContent = text;
          line.appendChild(cell);
        });
        rows.appendChild(line);
      });
      preview.hidden = false;
      var clean = answer.status === 200 && count === 0 && data.codes > 0;
      run.hidden = !clean;
      run.textContent = 'Import ' + data.codes + ' codes';
    }

    root.querySelector('#import-check').addEventListener('click', function () {
      result.textContent = '';
      send(true).then(show, function () {});
    });
    run.addEventListener('click', function () {
      run.hidden = true;
      send(false).then(function (answer) {
        if (answer.status === 201) {
          preview.hidden = true;
          result.textContent = answer.body.data.imported + ' codes imported from ' + fileInput.files[0].name + '.';
        } else {
          show(answer);
        }
      }, function () {});
    });
  }

  // The attendees page's upload: the list goes to the API as it is; what was queued and the rows
  // left out are shown as text only, and the table below is refreshed.
  function attendeeUpload(root) {
    var fileInput = root.querySelector('#attendee-file');
    var summary = root.querySelector('#attendee-summary');
    var list = root.querySelector('#attendee-problems');
    root.querySelector('#attendee-send').addEventListener('click', function () {
      var file = fileInput.files[0];
      list.textContent = '';
      if (!file) {
        summary.textContent = 'Choose a CSV file of attendees.';
        return;
      }
      summary.textContent = 'Sending ' + file.name + '...';
      postFile(root.getAttribute('data-api'), 'text/csv', file).then(function (answer) {
        var data = answer.body.data || {};
        summary.textContent = answer.body.error ? answer.body.error :
          data.queued + (data.queued === 1 ? ' ticket' : ' tickets') + ' queued from ' + file.name + '; ' +
          data.problemCount + (data.problemCount === 1 ? ' row' : ' rows') + ' left out.';
        (data.problems || answer.body.problems || []).forEach(function (problem) {
          var item = document.createElement('li');
          item.className = 'error';
          item.textContent = problem;
          list.appendChild(item);
        });
        var refresh = document.getElementById('attendees-form:refresh');
        if (answer.status === 201 && refresh) refresh.click();
      }, function () { summary.textContent = 'The list could not be sent.'; });
    });
  }

  function startImporter() {
    var root = document.getElementById('code-import');
    if (root) importer(root);
    var upload = document.getElementById('attendee-upload');
    if (upload) attendeeUpload(upload);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startImporter);
  } else {
    startImporter();
  }
})();
