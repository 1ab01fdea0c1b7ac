// "Waiting for your stack": polls the connection's registration state and, once the stack has sent the role,
// opens the check it started (or reloads the setup page). Without JavaScript a refresh shows the same.
(function () {
  'use strict';
  var waiting = document.getElementById('stack-waiting');
  if (!waiting) {
    return;
  }
  var url = waiting.getAttribute('data-registration');

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.roleArn) {
          window.location.assign(state.checkUrl || window.location.pathname);
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 2000);
}());
