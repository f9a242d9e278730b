// The essai page's only script (no inline script: the Content-Security-Policy forbids it). It shows the Word
// stand-in's document, which the secretary's pane fills when a letter is inserted.
(function () {
  const frame = document.getElementById("volet-word");
  const page = document.getElementById("document");
  if (!frame || !page) return;
  setInterval(function () {
    const state = frame.contentWindow && frame.contentWindow.__officeState;
    const text = state && state.body ? state.body : "";
    if (page.dataset.text !== text) {
      page.dataset.text = text;
      page.textContent = text || "(document vide : insérez un courrier depuis le volet)";
    }
  }, 300);
})();
