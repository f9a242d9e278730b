// @ts-nocheck
/*
 * The Outlook pane's first moments, before the React bundle has loaded and run (about 200 ms of script on the
 * lawyer's machine): a tiny classic script, run as soon as office.js is there. It reads the settings the host wrote
 * into the page and, in the demo (no sign-in, so no token to wait for), asks for the open message's case at once, then
 * writes the case's head (debtor, amount due) into #apercu. The pane (src/outlook) takes both answers over
 * (src/shared/early.ts): nothing is asked twice, and React replaces this view with the same one once it has mounted.
 * With Entra sign-in the token comes first: this script then only takes the configuration and leaves the rest to the
 * pane. Plain ES2020 without imports, built as a file of its own: the host writes its text into the Outlook page,
 * allowed there by its hash in the page's Content-Security-Policy (AddIn/OutlookPage.cs).
 */
(function () {
  "use strict";
  var early = (window.odEarly = {});
  var mark = function (name) { if (window.performance && performance.mark) performance.mark("od:" + name); };
  mark("early-run");
  // The settings the host wrote into the page (above this script); without them (a page served as a plain file, as
  // the sandbox's essai page does), asked for.
  var block = document.getElementById("od-settings");
  try {
    early.written = block && block.textContent ? JSON.parse(block.textContent) : undefined;
  } catch (e) {
    early.written = undefined;
  }
  if (!early.written) {
    early.config = fetch("/api/addin/config", { credentials: "same-origin" });
    early.config.catch(function () { return undefined; });
  }
  // Run from the page's head: the body is there once the parser has finished (before the deferred scripts run).
  var parsed = new Promise(function (resolve) {
    if (document.readyState !== "loading") return resolve();
    document.addEventListener("readystatechange", function () { resolve(); }, { once: true });
  });
  // The pane's bundle, listed by the build at the end of the head instead of its entry's tags (vite.config.ts): its
  // files preloaded and its entry added once the case's head is written, or at once when none will be, so they do not
  // compete with office.js and the case's request. Without that list (Vite's dev server), the page has its own tags.
  var preloading = false;
  function preload() {
    if (preloading) return;
    preloading = true;
    parsed.then(function () {
      var list = document.getElementById("od-bundle");
      var bundle = {};
      try { bundle = list ? JSON.parse(list.textContent) : {}; } catch (e) { bundle = {}; }
      (bundle.files || []).forEach(function (href) {
        var link = document.createElement("link");
        link.rel = "preload";
        link.as = "script";
        link.crossOrigin = "anonymous";
        link.href = href;
        document.head.appendChild(link);
      });
      if (!bundle.entry) return;
      var entry = document.createElement("script"); // it waits for early.settled itself (src/outlook/main.tsx)
      entry.type = "module";
      entry.crossOrigin = "anonymous";
      entry.src = bundle.entry;
      document.head.appendChild(entry);
    });
  }
  // Once the case's head is painted, or nothing will be shown: the pane's bundle waits for it (src/outlook/main.tsx).
  var release;
  early.settled = new Promise(function (resolve) { release = resolve; });
  var settle = function () { preload(); release(); };
  var painted = function () { preload(); requestAnimationFrame(function () { setTimeout(settle, 0); }); };
  // The pane is this script's to start: whatever happens to Office or the case, it starts within 2 s.
  setTimeout(settle, 2000);
  if (typeof Office === "undefined" || !Office.onReady) {
    settle();
    return;
  }

  // As src/shared/office.ts: the REST id of the open message, and its other mailbox (shared or delegated) if any.
  function openMessage() {
    var mailbox = Office.context && Office.context.mailbox;
    var item = mailbox && mailbox.item;
    if (!item || !item.itemId) return null;
    var host = mailbox.diagnostics && mailbox.diagnostics.hostName;
    var phone = host === "OutlookIOS" || host === "OutlookAndroid";
    return { item: item, phone: phone,
      restId: phone ? item.itemId : mailbox.convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0) };
  }
  function sharedMailbox(message) {
    if (message.phone || typeof message.item.getSharedPropertiesAsync !== "function") return Promise.resolve(null);
    return new Promise(function (resolve) {
      try {
        message.item.getSharedPropertiesAsync(function (result) {
          var value = result.status === Office.AsyncResultStatus.Succeeded ? result.value : undefined;
          resolve(value && value.owner
            ? { owner: value.owner, permissions: Number(value.delegatePermissions) || 0 } : null);
        });
      } catch (e) {
        resolve(null);
      }
    });
  }

  var settings = early.written ? Promise.resolve(early.written)
    : early.config.then(function (r) { return r.ok ? r.clone().json() : null; });
  // The look-up sent for the open message, or null when the pane must send it itself (sign-in, no message).
  early.lookup = Promise.all([settings, Office.onReady()]).then(function (all) {
    var config = all[0];
    mark("early-ready");
    // With sign-in, the case needs the user's token: the pane asks for it once the session has one.
    var message = config && !(config.clientId && config.apiScope) ? openMessage() : null;
    if (!message) {
      settle(); // the bundle does all: fetched now
      return null;
    }
    return sharedMailbox(message).then(function (shared) {
      var headers = { "Accept-Language": "fr-FR" };
      if (shared) {
        headers["X-Shared-Mailbox-Owner"] = shared.owner;
        headers["X-Shared-Mailbox-Permissions"] = String(shared.permissions);
      }
      mark("case-requested");
      var response = fetch("/api/mailbox/messages/" + encodeURIComponent(message.restId) + "/case",
        { headers: headers });
      // Registered before the pane can read the answer: this reads a copy, the pane the answer itself.
      var ready = response.then(function (r) { return r.ok ? r.clone().json() : null; });
      ready.then(function (found) { return found && parsed.then(function () { return show(config, found, shared); }); })
        .then(function (shown) { if (shown) painted(); else settle(); }, settle);
      return { restId: message.restId, shared: shared, response: response };
    });
  });
  early.lookup.catch(settle); // the pane then asks itself, and says any error in French

  // As Intl's fr-FR euros (src/shared/format.ts: "1 234,56 €", a narrow no-break space between thousands), without
  // building a formatter: its first construction loads locale data, tens of milliseconds on the case's path.
  var eur = function (amount) {
    if (amount == null) return "—";
    var cents = Math.round(Math.abs(amount) * 100 + 1e-7); // half away from zero, as Intl rounds
    var whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
    var rest = String(cents % 100);
    return (amount < 0 ? "-" : "") + whole + "," + (rest.length < 2 ? "0" + rest : rest) + "\u00a0€";
  };
  var days; // built only for a date with a time (the case's dates are plain days)
  var day = function (value) {
    if (!value) return "—";
    var only = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (only) return only[3] + "/" + only[2] + "/" + only[1];
    days = days || new Intl.DateTimeFormat("fr-FR",
      { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });
    return days.format(new Date(value));
  };
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /**
   * The head of the case, as src/outlook/CaseView.tsx and AmountDue.tsx write it, with the demo's banner; false if
   * not.
   */
  function show(config, found, shared) {
    var c = found.firstCase;
    var view = document.getElementById("apercu");
    var pane = document.getElementById("racine");
    if (!c || !view || !pane || early.released || (found.cases && found.cases.length > 1)) return false;
    var parts = [];
    if (config.banner) {
      var banner = element("div", "od-banniere");
      banner.append(element("strong", null, "Démo "), document.createTextNode(config.banner));
      parts.push(banner);
    }
    var page = element("div", "od-page");
    if (shared) page.append(element("span", "od-legende", "Message de la boîte " + shared.owner));
    page.append(element("span", "od-legende", found.explanation));
    var article = element("article", "od-page od-dossier");
    article.setAttribute("aria-labelledby", "apercu-debiteur");
    var head = element("header", "od-section");
    var title = element("h1", "od-titre", c.debtor.name);
    title.id = "apercu-debiteur";
    var row = element("div", "od-ligne");
    row.append(element("span", "od-badge", c.debtor.kind),
      element("span", "od-legende", "Dossier " + c.reference + " — créancier : " + c.creditor.name));
    head.append(title, row);
    if (c.debtor.email) head.append(element("span", "od-legende", c.debtor.email));
    article.append(head, amountDue(c));
    parts.push(page, article);
    view.replaceChildren.apply(view, parts);
    view.hidden = false;
    pane.hidden = true; // the pane's own "loading" states stay out of sight until it shows this case itself
    mark("case-head-shown");
    return true;
  }

  function amountDue(c) {
    var card = element("div", "od-carte");
    var a = c.amounts;
    if (!a) {
      card.append(element("span", null, c.amountsError || "Le montant dû ne peut pas être calculé."));
      return card;
    }
    card.setAttribute("role", "group");
    card.setAttribute("aria-label", "Montant dû");
    var total = element("div", "od-ecart");
    total.append(element("span", null, "Dû au " + day(c.asOf)), element("p", "od-total", eur(a.total)));
    var list = element("dl", "od-liste");
    var line = function (label, amount) {
      var l = element("div", "od-ecart");
      l.append(element("dt", null, label), element("dd", "od-montant", eur(amount)));
      list.append(l);
    };
    line("Principal", a.principal);
    line(a.regime.toLowerCase().indexOf("pénalit") >= 0 ? "Pénalités de retard" : "Intérêts de retard", a.interest);
    line("Indemnités forfaitaires de recouvrement", a.indemnity);
    if (a.credit > 0) line("Trop-perçu du débiteur", -a.credit);
    card.append(total, list, element("span", "od-legende", a.regime + " — " + a.legalBasis));
    if (a.note) card.append(element("span", "od-legende", a.note));
    return card;
  }
})();
