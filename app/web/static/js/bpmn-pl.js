/* Polish labels for bpmn-js and its properties panel (the packages ship English only): a
   bpmn-js `translate` module. The page loads it only when the interface is Polish; in English
   the packages' own labels are shown. Keys are the packages' English texts. */
(function () {
  "use strict";
  var PL = {
    // palette and context pad (bpmn-js 18)
    "Activate hand tool": "Przesuwanie widoku",
    "Activate lasso tool": "Zaznaczanie lassem",
    "Activate create/remove space tool": "Dodawanie lub usuwanie miejsca",
    "Activate global connect tool": "Łączenie elementów",
    "Create start event": "Zdarzenie początkowe",
    "Create intermediate/boundary event": "Zdarzenie pośrednie lub brzegowe",
    "Create end event": "Zdarzenie końcowe",
    "Create gateway": "Bramka",
    "Create task": "Zadanie",
    "Create data object reference": "Obiekt danych",
    "Create data store reference": "Magazyn danych",
    "Create expanded sub-process": "Podproces",
    "Create pool/participant": "Pula (uczestnik)",
    "Create group": "Grupa",
    "Append end event": "Dołącz zdarzenie końcowe",
    "Append gateway": "Dołącz bramkę",
    "Append task": "Dołącz zadanie",
    "Append intermediate/boundary event": "Dołącz zdarzenie pośrednie",
    "Append timer intermediate catch event": "Dołącz licznik czasu",
    "Change element": "Zmień rodzaj elementu",
    "Delete": "Usuń",
    "Connect to other element": "Połącz z innym elementem",
    "Connect using association": "Połącz skojarzeniem",
    "Add text annotation": "Dodaj adnotację",
    "Add lane above": "Dodaj tor powyżej",
    "Add lane below": "Dodaj tor poniżej",
    "Divide into two lanes": "Podziel na dwa tory",
    "Divide into three lanes": "Podziel na trzy tory",
    "Align elements": "Wyrównaj elementy",
    "Distribute elements horizontally": "Rozmieść poziomo",
    "Distribute elements vertically": "Rozmieść pionowo",
    "Search in diagram": "Szukaj na diagramie",
    "Toggle non-interrupting": "Przełącz: nieprzerywające",
    // properties panel (bpmn-js-properties-panel 5)
    "General": "Ogólne",
    "Name": "Nazwa",
    "ID": "Identyfikator",
    "Documentation": "Dokumentacja",
    "Element documentation": "Dokumentacja elementu",
    "Process documentation": "Dokumentacja procesu",
    "Timer": "Licznik czasu",
    "Type": "Rodzaj",
    "Value": "Wartość",
    "Date": "Data",
    "Duration": "Czas trwania",
    "Cycle": "Cykl",
    "Condition": "Warunek",
    "Condition expression": "Wyrażenie warunkowe",
    "Condition Expression": "Wyrażenie warunkowe",
    "<none>": "<brak>",
    "<empty>": "<puste>",
    "Process": "Proces",
    "Executable": "Wykonywalny",
    "Version tag": "Znacznik wersji",
    "ID must be unique.": "Identyfikator musi być niepowtarzalny.",
    "ID must not be empty.": "Identyfikator nie może być pusty.",
    "ID must not contain spaces.": "Identyfikator nie może zawierać spacji.",
    "ID must be a valid QName.": "Identyfikator musi być poprawną nazwą XML (QName)."
  };

  function translate(template, replacements) {
    var text = Object.prototype.hasOwnProperty.call(PL, template) ? PL[template] : template;
    replacements = replacements || {};
    return text.replace(/{([^}]+)}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(replacements, key) ? replacements[key] : match;
    });
  }

  window.PomocBpmnPolish = { translate: ["value", translate] };
})();
