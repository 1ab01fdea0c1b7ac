// Live progress of a running check: polls the check's JSON and updates the steps in place.
// Without JavaScript the page refreshes itself (a meta refresh inside <noscript>).
(function () {
  'use strict';
  var root = document.getElementById('check');
  if (!root || root.getAttribute('data-outcome') !== 'RUNNING') {
    return;
  }
  var body = document.getElementById('check-steps');
  var msLabel = root.getAttribute('data-ms');

  function text(row, selector, value) {
    var cell = row.querySelector(selector);
    if (cell) {
      cell.textContent = value == null ? '' : value;
    }
  }

  function newRow(step) {
    var row = document.createElement('tr');
    var name = document.createElement('th');
    name.scope = 'row';
    name.textContent = step.label;
    if (step.resource) {
      name.appendChild(document.createElement('br'));
      var resource = document.createElement('code');
      resource.className = 'step-resource';
      resource.textContent = step.resource;
      name.appendChild(resource);
    }
    row.appendChild(name);
    var headers = root.querySelectorAll('table.steps thead th');
    ['step-status', 'step-result', 'step-duration'].forEach(function (css, index) {
      var cell = document.createElement('td');
      cell.className = css;
      if (headers[index + 1]) {
        cell.setAttribute('data-label', headers[index + 1].textContent);
      }
      row.appendChild(cell);
    });
    row.setAttribute('data-position', step.position);
    var after = null;
    Array.prototype.forEach.call(body.querySelectorAll('tr[data-position]'), function (other) {
      if (after === null && Number(other.getAttribute('data-position')) > step.position) {
        after = other;
      }
    });
    body.insertBefore(row, after);
    return row;
  }

  // A planned step's row has no message yet; a waiting step's note only counts attempts.
  function message(row, step) {
    var cell = row.querySelector('.step-result');
    if (!cell) {
      return;
    }
    var paragraph = cell.querySelector('.step-message');
    if (!paragraph) {
      paragraph = document.createElement('p');
      paragraph.className = 'step-message';
      cell.insertBefore(paragraph, cell.firstChild);
    }
    paragraph.textContent = step.message + (step.note && step.status !== 'RUNNING' ? ' ' + step.note : '');
  }

  function update(check) {
    check.steps.forEach(function (step) {
      var row = body.querySelector('tr[data-position="' + step.position + '"]') || newRow(step);
      row.setAttribute('data-status', step.status);
      row.className = 'step status-' + step.status.toLowerCase();
      text(row, '.step-status', step.statusLabel);
      message(row, step);
      text(row, '.step-duration', step.durationMs != null ? step.durationMs + ' ' + msLabel
        : step.status === 'SKIP' ? '\u2014' : '');
    });
  }

  function poll() {
    fetch(window.location.pathname, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (check) {
        update(check);
        if (check.outcome !== 'RUNNING') {
          // The finished page carries codes and fixes: let the server render it.
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
