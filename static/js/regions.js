// Linked drop-downs: choosing a province loads its districts, a district its
// sub-districts, from the accounts:regions JSON endpoint, without reloading
// the page. No framework. Without JavaScript the form still works: a
// <noscript> button re-renders it with the lists filled by the server.
(function () {
  "use strict";
  var form = document.querySelector("form[data-regions-url]");
  if (!form || !window.fetch) return;
  var url = form.getAttribute("data-regions-url");
  var province = form.querySelector("[data-region=province]");
  var district = form.querySelector("[data-region=district]");
  var subdistrict = form.querySelector("[data-region=subdistrict]");
  if (!province || !district || !subdistrict) return;
  var pending = {}; // latest request per select, so a slow reply cannot win

  function fill(select, options) {
    var placeholder = select.options[0] ? select.options[0].text : "";
    select.length = 0;
    select.add(new Option(placeholder, ""));
    options.forEach(function (o) { select.add(new Option(o.name, o.code)); });
    select.disabled = options.length === 0;
    select.removeAttribute("aria-busy");
  }

  function load(param, value, target) {
    var key = target.getAttribute("data-region");
    var token = (pending[key] || 0) + 1;
    pending[key] = token;
    if (!value) { fill(target, []); return Promise.resolve(); }
    target.setAttribute("aria-busy", "true");
    return fetch(url + "?" + param + "=" + encodeURIComponent(value), {
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { if (pending[key] === token) fill(target, data.options); })
      .catch(function () { target.removeAttribute("aria-busy"); target.disabled = false; });
  }

  province.addEventListener("change", function () {
    fill(subdistrict, []);
    load("province", province.value, district);
  });
  district.addEventListener("change", function () {
    load("district", district.value, subdistrict);
  });

  // Nothing to choose until the level above is chosen.
  if (!province.value) district.disabled = true;
  if (!district.value) subdistrict.disabled = true;
})();
