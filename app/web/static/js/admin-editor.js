/* The BPMN editor: bpmn-js Modeler (with the npm properties panel and Pomoc's own provider,
   admin-properties.js) over the active definition's files; forms with a live preview; upload and
   download of .bpmn files; deploy as JSON with the version the edit started from (409 if stale);
   a refused deploy's problems shown on their elements. */
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
  var panelMsg = JSON.parse(document.getElementById("panel-messages").textContent);
  var actions = JSON.parse(document.getElementById("known-actions").textContent);
  var baseVersion = data.version;
  var problems = [];

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
  var modeler = null;
  var pending = [];
  function ready(fn) { if (modeler) fn(); else pending.push(fn); }

  function createModeler(moddle) {
    var lib = window.PomocPanelLib;
    var modules = [];
    var options = { container: "#canvas", moddleExtensions: { spiffworkflow: moddle } };
    if (lib && window.PomocProperties) {
      modules = [lib.BpmnPropertiesPanelModule, lib.BpmnPropertiesProviderModule,
                 window.PomocProperties.module({ msg: panelMsg, actions: actions,
                                                 forms: function () { return Object.keys(formsText).sort(); } })];
      options.propertiesPanel = { parent: "#properties", layout: { groups: {
        general: { open: true }, pomoc: { open: true }, timer: { open: true } } } };
    }
    if (window.PomocBpmnPolish) modules.push(window.PomocBpmnPolish);  /* Polish interface only */
    options.additionalModules = modules;
    modeler = new window.BpmnJS(options);
    window.pomocModeler = modeler;  /* for the browser tests */
    modeler.on("commandStack.changed", function () {
      if (!importing && current) { dirty[current] = true; showDirty(); }
    });
    pending.splice(0).forEach(function (fn) { fn(); });
  }
  fetch(root.getAttribute("data-moddle-url"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(createModeler)
    .catch(function () { createModeler(undefined); });

  function saveCurrent() {
    if (!current) return Promise.resolve();
    return modeler.saveXML({ format: true }).then(function (r) { sources[current] = r.xml; });
  }

  function open(name) {
    if (!modeler) return new Promise(function (resolve) { ready(function () { open(name).then(resolve); }); });
    return saveCurrent().then(function () {
      current = name;
      importing = true;
      return modeler.importXML(sources[name]);
    }).then(function () {
      importing = false;
      modeler.get("canvas").zoom("fit-viewport", "auto");
      showProblemsOnDiagram();
      root.setAttribute("data-open", name);
    }).catch(function (err) {
      importing = false;
      result.className = "deploy-result alert alert-error";
      result.textContent = fmt(msg.import_error, { error: err.message || err });
    });
  }

  function addFileOption(name) {
    if (Array.prototype.some.call(fileSelect.options, function (o) { return o.value === name; })) return;
    var o = document.createElement("option");
    o.value = name; o.textContent = name;
    fileSelect.appendChild(o);
  }
  var files = Object.keys(sources).sort();
  files.forEach(addFileOption);
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
  var preview = document.getElementById("form-preview");
  var previewTimer = null;
  var previewSeq = 0;
  function formProblem(text) {
    formError.textContent = text;
    if (text) formText.setAttribute("aria-invalid", "true"); else formText.removeAttribute("aria-invalid");
  }
  function checkForm() {
    var schema;
    try { schema = JSON.parse(formText.value); }
    catch (e) {
      formProblem(fmt(msg.invalid_json, { name: currentForm, error: e.message }));
      preview.innerHTML = "";
      return false;
    }
    formProblem("");
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () { renderPreview(currentForm, schema); }, 300);
    return true;
  }
  /* The server renders the schema with the task pages' form engine (admin only, no data). */
  function renderPreview(name, schema) {
    var seq = ++previewSeq;
    fetch(root.getAttribute("data-preview-url"), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.getAttribute("data-csrf"),
                 "Accept": "application/json" },
      body: JSON.stringify({ name: name, schema: schema })
    }).then(function (resp) {
      return resp.json().then(function (body) { return [resp, body]; });
    }).then(function (pair) {
      if (seq !== previewSeq) return;
      if (pair[0].ok) {
        preview.innerHTML = pair[1].html;
        Array.prototype.forEach.call(preview.querySelectorAll("input, select, textarea, button"),
                                     function (el) { el.disabled = true; el.removeAttribute("name"); });
      } else {
        preview.innerHTML = "";
        formProblem(fmt(msg.invalid_schema, { name: name, error: pair[1].error || msg.preview_failed }));
      }
    }).catch(function () { if (seq === previewSeq) preview.textContent = msg.preview_failed; });
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
    var keys = Object.keys(fields).filter(function (k) { return fields[k] !== body.error; });
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
  /* The forms parsed from their JSON text, or null (the first bad one is shown). */
  function collectForms() {
    var forms = {};
    for (var i = 0; i < formNames.length; i++) {
      try { forms[formNames[i]] = JSON.parse(formsText[formNames[i]]); }
      catch (e) {
        result.className = "deploy-result alert alert-error";
        result.textContent = fmt(msg.invalid_json, { name: formNames[i], error: e.message });
        document.getElementById("forms-panel").open = true;
        formSelect.value = formNames[i]; showForm(formNames[i]);
        return null;
      }
    }
    return forms;
  }

  /* Save the diagram on screen, POST the payload as JSON; resolves to [response, body]. */
  function postDefinition(urlAttribute, payload) {
    return saveCurrent().then(function () {
      return fetch(root.getAttribute(urlAttribute), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": root.getAttribute("data-csrf"),
                   "Accept": "application/json" },
        body: JSON.stringify(payload())
      });
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (body) { return [resp, body]; });
    });
  }

  deployButton.addEventListener("click", function () {
    var forms = collectForms();
    if (!forms) return;
    deployButton.disabled = true;
    result.className = "deploy-result";
    result.textContent = msg.deploying;
    postDefinition("data-deploy-url", function () {
      return { sources: sources, forms: forms, base_version: baseVersion,
               comment: document.getElementById("deploy-comment").value };
    }).then(function (pair) {
      var resp = pair[0], body = pair[1];
      if (resp.ok) {
        document.getElementById("deploy-comment").removeAttribute("aria-invalid");
        dirty = {};
        showDirty();
        if (body.version) baseVersion = body.version;
        setProblems([]);
        result.className = "deploy-result alert alert-success";
        result.textContent = (body.message || msg.deployed) + " ";
        var a = document.createElement("a");
        a.href = root.getAttribute("data-list-url");
        a.textContent = msg.see_versions;
        result.appendChild(a);
      } else if (resp.status === 409) {
        result.className = "deploy-result alert alert-error";
        result.textContent = body.error || msg.stale;
      } else {
        result.className = "deploy-result alert alert-error";
        renderErrors(body);
        /* A deploy without a description is refused: say so at the field and go there. */
        var comment = document.getElementById("deploy-comment");
        if (body && body.fields && body.fields.comment) {
          comment.setAttribute("aria-invalid", "true");
        } else {
          comment.removeAttribute("aria-invalid");
        }
        if (resp.status === 422 && body && Array.isArray(body.problems)) {
          setProblems(body.problems);
          var p = document.createElement("p");
          p.textContent = fmt(msg.problems, { count: body.problems.length });
          result.appendChild(p);
        }
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

  /* The dry run: the same problems a deploy would refuse, and, when there are none, which of the
     most recent cases would now end differently (case ids and workflow outcomes only). */
  var checkButton = document.getElementById("check-button");
  checkButton.addEventListener("click", function () {
    var forms = collectForms();
    if (!forms) return;
    checkButton.disabled = true;
    result.className = "deploy-result";
    result.textContent = msg.checking;
    postDefinition("data-check-url", function () {
      return { sources: sources, forms: forms };
    }).then(function (pair) {
      var resp = pair[0], body = pair[1];
      var found = (body && body.problems) || [];
      setProblems(found);
      if (!resp.ok) {
        result.className = "deploy-result alert alert-error";
        renderErrors(body);
        return;
      }
      if (found.length) {
        result.className = "deploy-result alert alert-error";
        result.textContent = fmt(msg.problems, { count: found.length });
        return;
      }
      var replay = body.replay || { total: 0, changed: 0, cases: [] };
      result.className = "deploy-result alert " + (replay.changed ? "alert-warning" : "alert-success");
      result.textContent = fmt(msg.check_ok, { total: replay.total, changed: replay.changed });
      if (replay.cases && replay.cases.length) {
        var ul = document.createElement("ul");
        replay.cases.forEach(function (c) {
          var li = document.createElement("li");
          li.textContent = fmt(msg.check_case, { id: c.case_id }) + " " + (c.differences || []).join("; ");
          ul.appendChild(li);
        });
        result.appendChild(ul);
      }
    }).catch(function () {
      result.className = "deploy-result alert alert-error";
      result.textContent = msg.network;
    }).finally(function () { checkButton.disabled = false; });
  });

  /* Problems of a refused deploy (or dry-run check): a marker and a badge on each element of the
     diagram on screen, and a list beside it; clicking an item selects its element. */
  var problemList = document.getElementById("problems-list");
  var problemPanel = document.getElementById("problems-panel");
  var shownOverlays = [];
  function setProblems(list) {
    problems = list || [];
    problemList.innerHTML = "";
    problemPanel.hidden = !problems.length;
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "problem";
      b.setAttribute("data-element", p.element_id || "");
      b.setAttribute("data-file", p.file || "");
      var where = document.createElement("strong");
      where.textContent = (p.element_name || p.element_id || p.file || "") + ": ";
      var text = document.createElement("span");
      text.textContent = p.text || p.message || p.code || "";
      var file = document.createElement("code");
      file.textContent = " " + fmt(msg.problem_elsewhere, { file: p.file || "?" });
      b.appendChild(where); b.appendChild(text); b.appendChild(file);
      b.addEventListener("click", function () { selectProblem(p); });
      li.appendChild(b);
      if (p.technical) {
        /* The parser's own words (English), for the admin only, collapsed. */
        var details = document.createElement("details");
        details.className = "technical";
        var summary = document.createElement("summary");
        summary.textContent = msg.technical;
        var raw = document.createElement("code");
        raw.setAttribute("lang", "en");
        raw.textContent = p.technical;
        details.appendChild(summary); details.appendChild(raw);
        li.appendChild(details);
      }
      problemList.appendChild(li);
    });
    showProblemsOnDiagram();
  }
  function showProblemsOnDiagram() {
    if (!modeler) return;
    var canvas = modeler.get("canvas"), overlays = modeler.get("overlays");
    var registry = modeler.get("elementRegistry");
    shownOverlays.forEach(function (o) {
      try { overlays.remove(o.id); } catch (e) { /* gone with the previous diagram */ }
      if (registry.get(o.element)) canvas.removeMarker(o.element, "pomoc-problem");
    });
    shownOverlays = [];
    var counts = {};
    problems.forEach(function (p) {
      if (p.file && p.file !== current) return;
      if (!p.element_id || !registry.get(p.element_id)) return;
      counts[p.element_id] = (counts[p.element_id] || []).concat([p.text || p.message || p.code]);
    });
    Object.keys(counts).forEach(function (id) {
      canvas.addMarker(id, "pomoc-problem");
      var badge = document.createElement("div");
      badge.className = "pomoc-problem-badge";
      badge.textContent = "!" + (counts[id].length > 1 ? counts[id].length : "");
      badge.title = counts[id].join("\n");
      var oid = overlays.add(id, "pomoc-problem", { position: { top: -10, right: 10 }, html: badge });
      shownOverlays.push({ id: oid, element: id });
    });
  }
  function selectProblem(p) {
    var go = (p.file && p.file !== current && sources[p.file] !== undefined)
      ? (fileSelect.value = p.file, open(p.file)) : Promise.resolve();
    go.then(function () {
      var el = p.element_id && modeler.get("elementRegistry").get(p.element_id);
      if (!el) return;
      modeler.get("selection").select(el);
      modeler.get("canvas").scrollToElement(el);
    });
  }

  /* Upload: a .bpmn or a .zip is read by the server (checked, never deployed) into the editor. */
  var uploadInput = document.getElementById("upload-input");
  var maxUpload = parseInt(root.getAttribute("data-max-upload"), 10);
  uploadInput.addEventListener("change", function () {
    var file = uploadInput.files[0];
    uploadInput.value = "";
    if (!file) return;
    result.className = "deploy-result alert alert-error";
    if (file.size > maxUpload) {
      result.textContent = fmt(msg.upload_too_large, { mb: Math.floor(maxUpload / 1048576) });
      return;
    }
    var fd = new FormData();
    fd.append("file", file);
    fetch(root.getAttribute("data-upload-url"), {
      method: "POST", credentials: "same-origin", body: fd,
      headers: { "X-CSRFToken": root.getAttribute("data-csrf"), "Accept": "application/json" }
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (body) { return [resp, body]; });
    }).then(function (pair) {
      var body = pair[1];
      if (!pair[0].ok) { result.textContent = body.error || msg.upload_failed; return; }
      return saveCurrent().then(function () {
        var names = Object.keys(body.sources || {}).sort();
        names.forEach(function (n) { sources[n] = body.sources[n]; dirty[n] = true; addFileOption(n); });
        Object.keys(body.forms || {}).forEach(function (n) {
          formsText[n] = JSON.stringify(body.forms[n], null, 2);
          dirty["forms/" + n + ".json"] = true;
          if (formNames.indexOf(n) === -1) {
            formNames.push(n);
            var o = document.createElement("option"); o.value = n; o.textContent = n; formSelect.appendChild(o);
          }
        });
        if (currentForm) showForm(currentForm);
        showDirty();
        result.className = "deploy-result alert alert-info";
        result.textContent = fmt(msg.uploaded, { files: names.concat(Object.keys(body.forms || {}).map(
          function (n) { return "forms/" + n + ".json"; })).join(", ") });
        if (names.length) {
          current = null;  /* the open diagram was saved above; do not save it over the upload */
          fileSelect.value = names[0];
          return open(names[0]);
        }
      });
    }).catch(function () { result.textContent = msg.network; });
  });

  window.addEventListener("beforeunload", function (ev) {
    if (Object.keys(dirty).length) { ev.preventDefault(); ev.returnValue = msg.leave; }
  });
})();
