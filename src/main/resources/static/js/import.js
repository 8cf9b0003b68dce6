// History import on the admin page: sends the CSV as the body of POST /api/admin/imports (the signed-in session),
// then asks for the job every second until it has ended, showing its counters and the first bad lines.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('import');
  var form = document.getElementById('import-form');
  if (!box || !form) {
    return;
  }
  var fileInput = document.getElementById('import-file');
  var fileError = document.getElementById('import-file-error');
  // The API answers in the language of each call: the page's own.
  var language = document.documentElement.lang || 'vi';
  function show(id, text) { document.getElementById(id).textContent = text; }
  function stateLabel(state) { return box.dataset['state' + state.charAt(0) + state.slice(1).toLowerCase()] || state; }
  function fail(message) {
    fileError.textContent = message;
    fileError.hidden = false;
    fileInput.setAttribute('aria-invalid', 'true');
    fileInput.closest('.field').classList.add('invalid');
  }
  var ended = false;
  function render(job) {
    // Once the job has ended, a late answer from before (still RUNNING) must not bring the page back.
    if (ended) { return; }
    ended = job.state !== 'RUNNING';
    document.getElementById('import-progress').hidden = false;
    var state = document.getElementById('import-state');
    state.textContent = stateLabel(job.state);
    state.dataset.state = job.state;
    show('import-read', job.rowsRead);
    show('import-imported', job.rowsImported);
    show('import-present', job.rowsAlreadyPresent);
    show('import-rejected', job.rowsRejected);
    var bar = document.getElementById('import-bar');
    if (job.state === 'RUNNING') { bar.removeAttribute('value'); } else { bar.value = 1; }
    var list = document.getElementById('import-errors');
    list.innerHTML = '';
    (job.errors || []).forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = e.line + ': ' + e.message;
      list.appendChild(li);
    });
    document.getElementById('import-errors-box').hidden = !(job.errors && job.errors.length);
  }
  // A state-changing API call from a page carries the CSRF token of the signed-in session (layout.html).
  function csrf(headers) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }
  function follow(id) {
    fetch('/api/admin/imports/' + encodeURIComponent(id),
        { headers: { Accept: 'application/json', 'Accept-Language': language } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        render(job);
        if (job.state === 'RUNNING') { setTimeout(function () { follow(id); }, 1000); }
      });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    fileError.hidden = true;
    fileInput.setAttribute('aria-invalid', 'false');
    fileInput.closest('.field').classList.remove('invalid');
    var file = fileInput.files[0];
    if (!file) {
      fail(box.dataset.chooseFile);
      return;
    }
    var skip = document.getElementById('import-skip').checked;
    ended = false;
    fetch('/api/admin/imports' + (skip ? '?skipInvalid=true' : ''), {
      method: 'POST', body: file,
      headers: csrf({ 'Content-Type': 'text/csv', Accept: 'application/json', 'Accept-Language': language })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (answer) {
      if (!answer.ok) {
        fail(box.dataset.failed.replace('{0}', answer.body.detail || answer.body.title || ''));
        return;
      }
      render(answer.body);
      // A small file may be judged before the answer: then there is nothing to follow (and asking again could
      // show the job's stored state from a moment before, RUNNING, after the final one).
      if (answer.body.state === 'RUNNING') { follow(answer.body.id); }
    }).catch(function (e) { fail(box.dataset.failed.replace('{0}', String(e))); });
  });
});
