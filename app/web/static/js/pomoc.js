/* Pomoc: small progressive enhancements. Every form also works without JavaScript. */
(function () {
  "use strict";

  var REWRITTEN = ["name", "id", "for", "aria-describedby", "data-prefix", "href"];

  /* Replace `from` with `to` in the naming attributes of every element under root,
     including the content of nested <template>s (rows added inside added rows). */
  function rewrite(root, from, to) {
    root.querySelectorAll("*").forEach(function (el) {
      REWRITTEN.forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v && v.indexOf(from) !== -1) el.setAttribute(attr, v.split(from).join(to));
      });
      if (el.getAttribute("name") === "_action") {
        var v = el.getAttribute("value");
        if (v && v.indexOf(from) !== -1) el.setAttribute("value", v.split(from).join(to));
      }
      if (el.tagName === "TEMPLATE") rewrite(el.content, from, to);
    });
  }

  function rowsOf(repeat) {
    var box = repeat.querySelector("[data-rows]");
    return Array.prototype.filter.call(box.children, function (c) { return c.hasAttribute("data-row"); });
  }

  function refresh(repeat) {
    var rows = rowsOf(repeat);
    var empty = repeat.querySelector(":scope > [data-empty]");
    var table = repeat.querySelector(":scope > .table-wrap > [data-table]");
    if (empty) empty.hidden = rows.length > 0;
    if (table) table.hidden = rows.length === 0;
  }

  /* After a removal, renumber the rows so the names stay members[0], members[1], ... */
  function renumber(repeat) {
    var prefix = repeat.getAttribute("data-prefix");
    rowsOf(repeat).forEach(function (row, k) {
      var old = row.getAttribute("data-index");
      if (String(old) !== String(k)) {
        rewrite(row, prefix + "[" + old + "]", prefix + "[" + k + "]");
        row.setAttribute("data-index", k);
      }
      var num = row.querySelector("[data-row-number]");
      if (num) num.textContent = k + 1;
    });
    refresh(repeat);
  }

  function addRow(repeat) {
    var tpl = Array.prototype.find.call(repeat.children, function (c) { return c.matches("template[data-template]"); });
    var placeholder = repeat.getAttribute("data-placeholder");
    var index = rowsOf(repeat).length;
    var fragment = document.importNode(tpl.content, true);
    var holder = document.createElement("div");
    holder.appendChild(fragment);
    rewrite(holder, "[" + placeholder + "]", "[" + index + "]");
    var row = holder.querySelector("[data-row]");
    row.setAttribute("data-index", index);
    var num = row.querySelector("[data-row-number]");
    if (num) num.textContent = index + 1;
    repeat.querySelector("[data-rows]").appendChild(row);
    refresh(repeat);
    showForBenefit(repeat.closest("form[data-benefit-form]"));
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  }

  document.addEventListener("click", function (ev) {
    var add = ev.target.closest("[data-add]");
    if (add) {
      var repeat = add.closest("[data-repeat]");
      if (repeat) { ev.preventDefault(); addRow(repeat); }
      return;
    }
    var remove = ev.target.closest("[data-remove]");
    if (remove) {
      var row = remove.closest("[data-row]");
      var owner = row && row.parentElement.closest("[data-repeat]");
      if (owner) {
        ev.preventDefault();
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber(owner);
        var target = (next && next.querySelector("input:not([type=hidden]), select")) || owner.querySelector("[data-add]");
        if (target) target.focus();
      }
    }
  });

  /* Fields that apply to some benefits only (data-benefits, a list of codes): shown when the
     form's chosen benefit (its input named "benefit") is one of them, or when none is chosen.
     A hidden field's inputs are disabled, so they are not sent; the server drops them too. */
  function chosenBenefit(form) {
    var choice = form.elements.namedItem("benefit");
    return choice ? choice.value : "";
  }

  function showForBenefit(form) {
    if (!form) return;
    var benefit = chosenBenefit(form);
    form.querySelectorAll("[data-benefits]").forEach(function (el) {
      var show = !benefit || el.getAttribute("data-benefits").split(" ").indexOf(benefit) >= 0;
      el.hidden = !show;
      el.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !show; });
    });
  }

  document.addEventListener("change", function (ev) {
    if (ev.target.name === "benefit") showForBenefit(ev.target.closest("form[data-benefit-form]"));
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-benefit-form]").forEach(showForBenefit);
  });
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("form[data-benefit-form]").forEach(showForBenefit);
  });

  /* Forms that ask first (data-confirm holds the question): no inline handlers, CSP allows none. */
  document.addEventListener("submit", function (ev) {
    var form = ev.target.closest && ev.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) ev.preventDefault();
  });

  /* "Back" links go back in history when there is one (the href is the fallback). */
  document.addEventListener("click", function (ev) {
    var back = ev.target.closest && ev.target.closest("[data-back]");
    if (back && window.history.length > 1) { ev.preventDefault(); window.history.back(); }
  });

  /* Move focus to the error summary so screen-reader users hear what went wrong. */
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary") || document.getElementById("problem");
    if (summary) { summary.setAttribute("tabindex", "-1"); summary.focus(); }
  });
})();
