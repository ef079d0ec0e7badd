/* The admin's live slug field keeps Thai vowels and tone marks.
 *
 * Wagtail's slug controller (w-slug) keeps only \p{L} and \p{N}; Thai vowels
 * above and below the line and the tone marks are \p{M}, so "การขายสินค้า"
 * became "การขายสนคา". This adds \p{M} to both of its cleaners (the same rule
 * as lms/slugs.py on the server) when unicode slugs are allowed.
 * tests/site/test_thai_slugs_browser.py types a Thai title and checks the field.
 */
(function () {
  "use strict";
  var KEEP = /^[\p{L}\p{M}\p{N}_-]$/u;
  var cleaners = {
    slugify: function (value) {
      return Array.from(value.replace(/\s+/g, "-").toLowerCase())
        .filter(function (c) { return KEEP.test(c); })
        .join("");
    },
    urlify: function (value) {
      return value
        .toLowerCase()
        .replace(/[^-_\p{L}\p{M}\p{N}\s]/gu, "")
        .replace(/[-\s]+/g, "-")
        .substring(0, 255)
        .replace(/-+$/g, "");
    },
  };

  function patch() {
    var app = window.wagtail && window.wagtail.app;
    var module = app && app.router.modulesByIdentifier.get("w-slug");
    if (!module) return false;
    var proto = module.definition.controllerConstructor.prototype;
    if (proto.lmsKeepsMarks) return true;
    Object.keys(cleaners).forEach(function (name) {
      var original = proto[name];
      proto[name] = function (event, options) {
        if (!this.allowUnicodeValue) return original.call(this, event, options);
        options = options || {};
        var ignoreUpdate = Boolean(options.ignoreUpdate);
        var runFormat = options.runFormat === undefined ? !ignoreUpdate : options.runFormat;
        var detail = (event && event.detail) || {};
        var source = detail.value === undefined ? this.element.value : detail.value;
        var value = this.prepareValue(source, { runFormat: runFormat });
        if (!value) return "";
        var clean = cleaners[name](value.normalize("NFKC"));
        if (!ignoreUpdate) this.applyUpdate(name, clean, source);
        return clean;
      };
    });
    proto.lmsKeepsMarks = true;
    return true;
  }

  // Wagtail's title field updates the slug on key-up, change and blur. A
  // title pasted with the mouse, or typed through a Thai input method (or by
  // a test driver's insertText), fires "input" without any key-up, so the
  // slug stayed empty while the autosave sent the form. Follow "input" too.
  function followInput() {
    var titles = document.querySelectorAll('[data-action*="keyup->w-sync#apply"]');
    Array.prototype.forEach.call(titles, function (title) {
      var actions = title.getAttribute("data-action");
      if (actions.indexOf("input->w-sync#apply") === -1) {
        title.setAttribute("data-action", actions + " input->w-sync#apply");
      }
    });
  }

  if (!patch()) {
    document.addEventListener("DOMContentLoaded", patch);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", followInput);
  } else {
    followInput();
  }
})();
