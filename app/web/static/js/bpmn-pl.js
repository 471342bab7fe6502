/* Polish labels for bpmn-js and its properties panel (the packages ship English only): a
   bpmn-js `translate` module. The texts come from the Babel catalog, rendered by the editor page
   into #bpmn-messages (templates/admin/_bpmn_pl.html: keys are the packages' English texts). The
   page loads this file only when the interface is Polish; in English the packages' own labels
   are shown.

   The lanes keep the English names the contract checks (Caseworker, Supervisor); the canvas
   draws them under their Polish names (#lane-names), without touching the diagram. */
(function () {
  "use strict";
  function readJson(id) {
    var node = document.getElementById(id);
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }
  var PL = readJson("bpmn-messages");
  var LANES = readJson("lane-names");

  function translate(template, replacements) {
    var text = Object.prototype.hasOwnProperty.call(PL, template) ? PL[template] : template;
    replacements = replacements || {};
    return text.replace(/{([^}]+)}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(replacements, key) ? replacements[key] : match;
    });
  }

  /* Draw a known lane with its Polish name: the renderer reads the name while drawing, so the
     name is lent for that moment only (no command, nothing saved, the XML keeps the English). */
  function LaneLabels(eventBus, bpmnRenderer) {
    eventBus.on("render.shape", 1500, function (event, context) {
      var element = context.element;
      var bo = element && element.businessObject;
      if (!bo || element.type !== "bpmn:Lane") return undefined;
      var name = bo.name;
      if (!Object.prototype.hasOwnProperty.call(LANES, name)) return undefined;
      bo.name = LANES[name];
      try {
        return bpmnRenderer.drawShape(context.gfx, element, context.attrs);
      } finally {
        bo.name = name;
      }
    });
  }
  LaneLabels.$inject = ["eventBus", "bpmnRenderer"];

  window.PomocBpmnPolish = {
    __init__: ["pomocLaneLabels"],
    translate: ["value", translate],
    pomocLaneLabels: ["type", LaneLabels]
  };
  window.PomocLaneNames = LANES;
})();
