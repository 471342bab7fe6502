/* The BPMN editor: bpmn-js Modeler over the active definition's files, and deploy as JSON. */
(function () {
  "use strict";

  var root = document.getElementById("editor");
  if (!root) return;
  var data = JSON.parse(document.getElementById("definition-data").textContent);
  var msg = JSON.parse(document.getElementById("editor-messages").textContent);
  var fileSelect = document.getElementById("file-select");
  var formSelect = document.getElementById("form-select");
  var formText = document.getElementById("form-text");
  var formError = document.getElementById("form-error");
  var result = document.getElementById("deploy-result");
  var dirtyNote = document.getElementById("dirty-note");

  var sources = Object.assign({}, data.sources || {});
  var formsText = {};
  Object.keys(data.forms || {}).sort().forEach(function (name) {
    formsText[name] = JSON.stringify(data.forms[name], null, 2);
  });
  var dirty = {};
  var current = null;
  var currentForm = null;
  var importing = false;

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_m, k) { return values[k]; });
  }

  function showDirty() {
    var names = Object.keys(dirty);
    dirtyNote.textContent = names.length ? fmt(msg.unsaved, { files: names.join(", ") }) : msg.saved;
    Array.prototype.forEach.call(fileSelect.options, function (o) {
      o.textContent = o.value + (dirty[o.value] ? " *" : "");
    });
  }

  if (typeof window.BpmnJS !== "function") {
    document.getElementById("js-missing").hidden = false;
    return;
  }
  var modeler = new window.BpmnJS({ container: "#canvas" });

  modeler.on("commandStack.changed", function () {
    if (!importing && current) { dirty[current] = true; showDirty(); }
  });

  function saveCurrent() {
    if (!current) return Promise.resolve();
    return modeler.saveXML({ format: true }).then(function (r) { sources[current] = r.xml; });
  }

  function open(name) {
    return saveCurrent().then(function () {
      current = name;
      importing = true;
      return modeler.importXML(sources[name]);
    }).then(function () {
      importing = false;
      modeler.get("canvas").zoom("fit-viewport", "auto");
    }).catch(function (err) {
      importing = false;
      result.className = "deploy-result alert alert-error";
      result.textContent = fmt(msg.import_error, { error: err.message || err });
    });
  }

  var files = Object.keys(sources).sort();
  files.forEach(function (name) {
    var o = document.createElement("option");
    o.value = name; o.textContent = name;
    fileSelect.appendChild(o);
  });
  fileSelect.addEventListener("change", function () { open(fileSelect.value); });
  if (files.length) {
    var main = files.indexOf("benefit_case.bpmn") !== -1 ? "benefit_case.bpmn" : files[0];
    fileSelect.value = main;
    open(main);
  } else {
    result.textContent = msg.no_files;
  }

  document.getElementById("fit-button").addEventListener("click", function () {
    modeler.get("canvas").zoom("fit-viewport", "auto");
  });
  document.getElementById("download-button").addEventListener("click", function () {
    saveCurrent().then(function () {
      var blob = new Blob([sources[current]], { type: "application/xml" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = current;
      a.click();
      URL.revokeObjectURL(a.href);
    });
  });

  /* Forms: edited as JSON text, checked as you type, parsed only when deploying. */
  var formNames = Object.keys(formsText).sort();
  document.getElementById("forms-count").textContent = "(" + formNames.length + ")";
  formNames.forEach(function (name) {
    var o = document.createElement("option");
    o.value = name; o.textContent = name;
    formSelect.appendChild(o);
  });
  function showForm(name) {
    currentForm = name;
    formText.value = formsText[name] || "";
    checkForm();
  }
  function checkForm() {
    try { JSON.parse(formText.value); formError.textContent = ""; formText.removeAttribute("aria-invalid"); return true; }
    catch (e) {
      formError.textContent = fmt(msg.invalid_json, { name: currentForm, error: e.message });
      formText.setAttribute("aria-invalid", "true");
      return false;
    }
  }
  formSelect.addEventListener("change", function () { showForm(formSelect.value); });
  formText.addEventListener("input", function () {
    if (!currentForm) return;
    formsText[currentForm] = formText.value;
    dirty["forms/" + currentForm + ".json"] = true;
    showDirty();
    checkForm();
  });
  if (formNames.length) showForm(formNames[0]);

  function renderErrors(body) {
    result.innerHTML = "";
    var p = document.createElement("p");
    p.innerHTML = "<strong></strong>";
    p.firstChild.textContent = (body && body.error) || msg.failed;
    result.appendChild(p);
    var fields = (body && body.fields) || {};
    var keys = Object.keys(fields);
    if (keys.length) {
      var ul = document.createElement("ul");
      keys.forEach(function (k) {
        var li = document.createElement("li");
        var pre = document.createElement("pre");
        pre.textContent = fields[k];
        li.appendChild(pre);
        ul.appendChild(li);
      });
      result.appendChild(ul);
    }
  }

  var deployButton = document.getElementById("deploy-button");
  deployButton.addEventListener("click", function () {
    var forms = {};
    for (var i = 0; i < formNames.length; i++) {
      try { forms[formNames[i]] = JSON.parse(formsText[formNames[i]]); }
      catch (e) {
        result.className = "deploy-result alert alert-error";
        result.textContent = fmt(msg.invalid_json, { name: formNames[i], error: e.message });
        document.getElementById("forms-panel").open = true;
        formSelect.value = formNames[i]; showForm(formNames[i]);
        return;
      }
    }
    deployButton.disabled = true;
    result.className = "deploy-result";
    result.textContent = msg.deploying;
    saveCurrent().then(function () {
      return fetch(root.getAttribute("data-deploy-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": root.getAttribute("data-csrf"),
                   "Accept": "application/json" },
        body: JSON.stringify({ sources: sources, forms: forms,
                               comment: document.getElementById("deploy-comment").value })
      });
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (body) { return [resp, body]; });
    }).then(function (pair) {
      var resp = pair[0], body = pair[1];
      if (resp.ok) {
        dirty = {};
        showDirty();
        result.className = "deploy-result alert alert-success";
        result.textContent = (body.message || msg.deployed) + " ";
        var a = document.createElement("a");
        a.href = root.getAttribute("data-list-url");
        a.textContent = msg.see_versions;
        result.appendChild(a);
      } else {
        result.className = "deploy-result alert alert-error";
        renderErrors(body);
      }
    }).catch(function () {
      result.className = "deploy-result alert alert-error";
      result.textContent = msg.network;
    }).finally(function () {
      deployButton.disabled = false;
      result.focus && result.setAttribute("tabindex", "-1");
      result.focus();
    });
  });

  window.addEventListener("beforeunload", function (ev) {
    if (Object.keys(dirty).length) { ev.preventDefault(); ev.returnValue = msg.leave; }
  });
})();
