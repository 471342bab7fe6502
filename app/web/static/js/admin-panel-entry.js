/* Bundled by `make assets` (esbuild) into static/vendor/properties-panel.js as window.PomocPanelLib:
   the npm properties panel and the entry components our own provider (admin-properties.js) uses.
   One bundle, so the panel and our entries share one preact instance. */
export { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, useService } from "bpmn-js-properties-panel";
export {
  TextFieldEntry, TextAreaEntry, SelectEntry,
  isTextFieldEntryEdited, isTextAreaEntryEdited, isSelectEntryEdited
} from "@bpmn-io/properties-panel";
