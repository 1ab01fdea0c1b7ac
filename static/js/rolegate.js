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

  // Copy buttons need this script: they are rendered hidden and shown only here, so none is ever dead.
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy-target][hidden]'), function (button) {
    button.hidden = false;
  });

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

  // Tabs: without this script they are links to their panels (CSS shows the panel that is the URL's target);
  // here they become ARIA tabs (WAI-ARIA Authoring Practices, "Tabs with automatic activation").
  function enhanceTabs(container) {
    var list = container.querySelector('.tab-list');
    var tabs = Array.prototype.slice.call(list.querySelectorAll('a.tab'));
    var panels = tabs.map(function (tab) {
      return document.getElementById(tab.getAttribute('href').slice(1));
    });
    list.setAttribute('role', 'tablist');
    Array.prototype.forEach.call(list.children, function (item) {
      item.setAttribute('role', 'presentation');
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute('aria-selected', selected ? 'true' : 'false');
        tab.tabIndex = selected ? 0 : -1;
        panels[i].hidden = !selected;
      });
      if (focus) {
        tabs[index].focus();
      }
    }

    tabs.forEach(function (tab, index) {
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panels[index].id);
      panels[index].setAttribute('role', 'tabpanel');
      panels[index].setAttribute('aria-labelledby', tab.id);
      tab.addEventListener('click', function (event) {
        event.preventDefault();
        select(index, false);
        history.replaceState(null, '', '#' + panels[index].id);
      });
      tab.addEventListener('keydown', function (event) {
        var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) {
          return;
        }
        event.preventDefault();
        select((next + tabs.length) % tabs.length, true);
      });
    });
    var fromUrl = panels.findIndex(function (panel) {
      return '#' + panel.id === window.location.hash;
    });
    container.classList.add('tabs-enhanced');
    select(fromUrl < 0 ? 0 : fromUrl, false);
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-tabs]'), enhanceTabs);
}());

// Copy buttons marked hidden work only with this script: reveal them once it runs.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy-target][hidden]').forEach(function (button) {
    button.hidden = false;
  });
}());
