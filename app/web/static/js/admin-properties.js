/* Pomoc's properties for the BPMN editor: a provider for the npm properties panel
   (bpmn-js-properties-panel, bundled as window.PomocPanelLib) and the rule that a user task's
   name IS its Polish title: renaming it (in the panel or on the canvas) rewrites the
   spiffworkflow:property title_pl in the same undoable command, so users see the new name.

   window.PomocProperties.module(config) returns the bpmn-js module; config = {
     msg: {...labels},                 texts in the page's language
     forms: function () -> [names],    the forms open in the editor (deployed with the definition)
     actions: [names] | null           known action names, or null for free text
   } */
(function () {
  "use strict";

  var lib = window.PomocPanelLib;
  if (!lib) return;

  var KNOWN_LANES = ["Caseworker", "Supervisor"];

  function is(bo, type) { return bo && bo.$instanceOf && bo.$instanceOf(type); }

  function extension(bo, type) {
    var ee = bo.get("extensionElements");
    if (!ee) return null;
    return ee.get("values").filter(function (v) { return is(v, type); })[0] || null;
  }

  function property(bo, name) {
    var props = extension(bo, "spiffworkflow:Properties");
    if (!props) return null;
    return props.get("properties").filter(function (p) { return p.name === name; })[0] || null;
  }

  function propertyValue(bo, name) {
    var p = property(bo, name);
    return p ? (p.value || "") : "";
  }

  /* Set (or, when empty, remove) one spiffworkflow:property, creating the containers as needed;
     one command, so one undo step. */
  function setProperty(injector, element, name, value) {
    var bpmnFactory = injector.get("bpmnFactory");
    var commandStack = injector.get("commandStack");
    var bo = element.businessObject;
    var cmds = [];
    function update(moddleElement, properties) {
      cmds.push({ cmd: "element.updateModdleProperties",
                  context: { element: element, moddleElement: moddleElement, properties: properties } });
    }
    var empty = value === undefined || value === null || value === "";
    var ee = bo.get("extensionElements");
    var existing = property(bo, name);
    if (empty && !existing) return;
    if (!ee) {
      ee = bpmnFactory.create("bpmn:ExtensionElements", { values: [] });
      ee.$parent = bo;
      update(bo, { extensionElements: ee });
    }
    var props = extension(bo, "spiffworkflow:Properties");
    if (!props) {
      props = bpmnFactory.create("spiffworkflow:Properties", { properties: [] });
      props.$parent = ee;
      update(ee, { values: ee.get("values").concat([props]) });
    }
    if (empty) {
      update(props, { properties: props.get("properties").filter(function (p) { return p !== existing; }) });
    } else if (existing) {
      update(existing, { value: value });
    } else {
      var p = bpmnFactory.create("spiffworkflow:Property", { name: name, value: value });
      p.$parent = props;
      update(props, { properties: props.get("properties").concat([p]) });
    }
    commandStack.execute("properties-panel.multi-command-executor", cmds);
  }

  function titled(bo) { return is(bo, "bpmn:UserTask") || !!property(bo, "title_pl"); }

  /* Keeps title_pl equal to the name of user tasks (and of anything that has a title_pl). */
  function NameSync(eventBus, injector) {
    eventBus.on("commandStack.element.updateLabel.postExecute", function (event) {
      var element = event.context.element;
      var bo = element && element.businessObject;
      if (!bo || !titled(bo)) return;
      var name = bo.name || "";
      if (propertyValue(bo, "title_pl") !== name) {
        setProperty(injector, element.labelTarget || element, "title_pl", name);
      }
    });
  }
  NameSync.$inject = ["eventBus", "injector"];

  function Provider(propertiesPanel, injector, config) {
    this._injector = injector;
    this._config = config;
    propertiesPanel.registerProvider(400, this);
  }
  Provider.$inject = ["propertiesPanel", "injector", "pomocConfig"];

  Provider.prototype.getGroups = function (element) {
    var config = this._config;
    var msg = config.msg;
    var injector = this._injector;
    return function (groups) {
      var bo = element.businessObject;
      if (!bo) return groups;
      var entries = [];
      var general = groups.filter(function (g) { return g.id === "general"; })[0];

      if (titled(bo) && general) {
        general.entries = general.entries.map(function (entry) {
          return entry.id === "name" ? { id: "name", element: element, component: NameEntry,
                                         isEdited: lib.isTextFieldEntryEdited } : entry;
        });
      }
      function NameEntry(props) {
        return lib.TextFieldEntry({
          element: props.element, id: "name", label: msg.name_title,
          description: msg.name_help, debounce: lib.useService("debounceInput"),
          getValue: function () { return bo.name || ""; },
          setValue: function (value) { injector.get("modeling").updateLabel(element, value); }
        });
      }

      function propertyField(name, label, help) {
        return {
          id: "spiff-" + name, element: element, isEdited: lib.isTextFieldEntryEdited,
          component: function (props) {
            return lib.TextFieldEntry({
              element: props.element, id: "spiff-" + name, label: label, description: help,
              debounce: lib.useService("debounceInput"),
              getValue: function () { return propertyValue(bo, name); },
              setValue: function (value) { setProperty(injector, element, name, (value || "").trim()); }
            });
          }
        };
      }

      function propertySelect(name, label, help, options) {
        return {
          id: "spiff-" + name, element: element, isEdited: lib.isSelectEntryEdited,
          component: function (props) {
            return lib.SelectEntry({
              element: props.element, id: "spiff-" + name, label: label, description: help,
              getValue: function () { return propertyValue(bo, name); },
              setValue: function (value) { setProperty(injector, element, name, value); },
              getOptions: function () {
                var current = propertyValue(bo, name);
                var names = options();
                if (current && names.indexOf(current) === -1) names = names.concat([current]);
                return [{ value: "", label: msg.none }].concat(names.map(function (n) {
                  return { value: n, label: n };
                }));
              }
            });
          }
        };
      }

      if (is(bo, "bpmn:UserTask")) {
        entries.push(propertyField("title_en", msg.title_en, msg.title_en_help));
        entries.push({
          id: "pomoc-lane", element: element, isEdited: lib.isSelectEntryEdited,
          component: function (props) {
            return lib.SelectEntry({
              element: props.element, id: "pomoc-lane", label: msg.lane, description: msg.lane_help,
              getValue: function () { var lanes = bo.get("lanes"); return lanes.length ? lanes[0].id : ""; },
              setValue: function (laneId) { moveToLane(injector, element, laneId); },
              getOptions: function () {
                return laneShapes(injector, element).map(function (l) {
                  var name = l.businessObject.name || l.id;
                  var known = KNOWN_LANES.indexOf(name) !== -1;
                  var shown = (known && msg.lanes && msg.lanes[name]) || name;
                  return { value: l.id, label: known ? shown : name + " (" + msg.unknown_lane + ")" };
                });
              }
            });
          }
        });
        entries.push(propertySelect("form", msg.form, msg.form_help, function () { return config.forms(); }));
      }
      if (is(bo, "bpmn:Task")) {
        if (config.actions && config.actions.length) {
          entries.push(propertySelect("action", msg.action, msg.action_help,
                                      function () { return config.actions.slice(); }));
        } else {
          entries.push(propertyField("action", msg.action, msg.action_help));
        }
      }
      if (is(bo, "bpmn:ScriptTask")) {
        entries.push({
          id: "pomoc-script", element: element, isEdited: lib.isTextAreaEntryEdited,
          component: function (props) {
            return lib.TextAreaEntry({
              element: props.element, id: "pomoc-script", label: msg.script, description: msg.script_help,
              debounce: lib.useService("debounceInput"), monospace: true, rows: 8,
              getValue: function () { return bo.get("script") || ""; },
              setValue: function (value) {
                injector.get("modeling").updateProperties(element, { script: value || undefined });
              }
            });
          }
        });
      }
      if (is(bo, "bpmn:SequenceFlow") && (bo.conditionExpression || is(bo.sourceRef, "bpmn:ExclusiveGateway") ||
                                          is(bo.sourceRef, "bpmn:InclusiveGateway"))) {
        entries.push({
          id: "pomoc-condition", element: element, isEdited: lib.isTextAreaEntryEdited,
          component: function (props) {
            return lib.TextAreaEntry({
              element: props.element, id: "pomoc-condition", label: msg.condition,
              description: msg.condition_help, debounce: lib.useService("debounceInput"), monospace: true,
              getValue: function () { return bo.conditionExpression ? (bo.conditionExpression.body || "") : ""; },
              setValue: function (value) {
                var modeling = injector.get("modeling");
                if (!value || !value.trim()) {
                  modeling.updateProperties(element, { conditionExpression: undefined });
                } else if (bo.conditionExpression) {
                  modeling.updateModdleProperties(element, bo.conditionExpression, { body: value });
                } else {
                  var expr = injector.get("bpmnFactory").create("bpmn:FormalExpression", { body: value });
                  modeling.updateProperties(element, { conditionExpression: expr });
                }
              }
            });
          }
        });
      }
      if (entries.length) {
        var group = { id: "pomoc", label: msg.group, entries: entries };
        var at = general ? groups.indexOf(general) + 1 : 0;
        groups.splice(at, 0, group);
      }
      return groups;
    };
  };

  function laneShapes(injector, element) {
    return injector.get("elementRegistry").filter(function (e) {
      return is(e.businessObject, "bpmn:Lane") && e.parent === element.parent;
    });
  }

  /* A lane is where the task lies: move the task (vertically) into the middle of the chosen lane;
     bpmn-js then updates the lanes' flowNodeRef lists. */
  function moveToLane(injector, element, laneId) {
    var lane = laneShapes(injector, element).filter(function (l) { return l.id === laneId; })[0];
    if (!lane) return;
    var dy = Math.round(lane.y + lane.height / 2 - (element.y + element.height / 2));
    if (dy) injector.get("modeling").moveElements([element], { x: 0, y: dy }, element.parent);
  }

  window.PomocProperties = {
    propertyValue: propertyValue,
    module: function (config) {
      return {
        __init__: ["pomocPropertiesProvider", "pomocNameSync"],
        pomocConfig: ["value", config],
        pomocPropertiesProvider: ["type", Provider],
        pomocNameSync: ["type", NameSync]
      };
    }
  };
})();
