// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  var COPIED_FOR_MS = 2000;
  var ZONE_COOKIE = 'rolegate-tz';

  // Pages show times in the zone this cookie names (web/ViewerZone.java); it is written when missing or changed.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && /^[A-Za-z0-9\/_+-]{1,64}$/.test(zone)
        && document.cookie.split('; ').indexOf(ZONE_COOKIE + '=' + zone) < 0) {
      document.cookie = ZONE_COOKIE + '=' + zone + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (ignored) {
    // No Intl: pages keep the language's usual zone.
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers and plain-http origins: copy through a temporary, off-screen selection.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  // Buttons with data-copy-target="<element id>" copy that element's text; data-copied-label is shown briefly.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy-target]');
    if (!button) {
      return;
    }
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) {
      return;
    }
    event.preventDefault();
    copy(target.textContent.trim()).then(function () {
      var copiedLabel = button.getAttribute('data-copied-label');
      if (!copiedLabel) {
        return;
      }
      if (!button.hasAttribute('data-label')) {
        button.setAttribute('data-label', button.textContent);
      }
      button.textContent = copiedLabel;
      button.classList.add('copied');
      clearTimeout(button.copiedTimer);
      button.copiedTimer = setTimeout(function () {
        button.textContent = button.getAttribute('data-label');
        button.classList.remove('copied');
      }, COPIED_FOR_MS);
    });
  });
}());

// Copy buttons marked hidden work only with this script: reveal them once it runs.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy-target][hidden]').forEach(function (button) {
    button.hidden = false;
  });
}());
