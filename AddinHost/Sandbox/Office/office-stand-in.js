// A stand-in for office.js, served in place of Microsoft's CDN file by the essai page (/app/essai.html, Development
// only) and by the browser tests. It plays one real message in Outlook, or one real document in Word: a letter
// inserted as a .docx is unzipped and its text becomes the body.
// Whoever serves it sets window.__officeMock = { host: "Outlook" | "Word", item: {...}, nestedAppAuth: false,
// dialog: "blocked" | "consent" | "closed" | "token", hostName: "OutlookWebApp" | "OutlookAndroid" | … } before this
// runs. An item with shared: { owner, permissions } is in a shared mailbox or a delegated folder (Mailbox 1.8/1.13).
(function () {
  const config = window.__officeMock || { host: null };
  const state = (window.__officeState = { body: config.documentText || "", docx: null, selection: "", inserts: [] });

  async function docxText(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = bytes.length - 22;
    while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
    if (end < 0) throw new Error("not a zip file");
    let at = view.getUint32(end + 16, true);
    for (let i = 0, count = view.getUint16(end + 10, true); i < count; i++) {
      const method = view.getUint16(at + 10, true), size = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true), extra = view.getUint16(at + 30, true),
        comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (name === "word/document.xml") {
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const data = bytes.subarray(start, start + size);
        const xml = method === 0 ? new TextDecoder().decode(data)
          : await new Response(new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text();
        const unescape = (t) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'").replace(/&amp;/g, "&");
        return xml.split("</w:p>")
          .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(""))
          .join("\n").trim();
      }
      at += 46 + nameLength + extra + comment;
    }
    throw new Error("no word/document.xml");
  }

  function fromBase64(text) {
    const raw = atob(text), bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  // Word's proxy objects: calls are queued and run at context.sync(), as in Word.
  function wordContext() {
    const queue = [];
    const body = {
      text: undefined,
      insertFileFromBase64(base64, location) {
        queue.push(async () => {
          const bytes = fromBase64(base64);
          const text = await docxText(bytes);
          state.inserts.push({ kind: "file", location });
          state.docx = bytes;
          state.body = location === "Replace" ? text : state.body + "\n" + text;
        });
      },
      insertText(text, location) {
        queue.push(async () => { state.body = location === "Replace" ? text : state.body + text; });
      },
      load() { queue.push(async () => { body.text = state.body; }); return body; },
      search(text) {
        const found = { items: [] };
        found.load = () => { queue.push(async () => {
          found.items = state.body.includes(text)
            ? [{ select: () => queue.push(async () => { state.selection = text; }) }] : [];
        }); return found; };
        return found;
      },
    };
    return {
      document: {
        body,
        getSelection: () => ({
          insertText: (text) => queue.push(async () => {
            state.inserts.push({ kind: "text", text }); state.body += text;
          })
        }),
      },
      async sync() { while (queue.length) await queue.shift()(); },
    };
  }

  const host = config.host;
  const item = config.item;
  window.Office = {
    HostType: { Outlook: "Outlook", Word: "Word", Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {
      ItemChanged: "olkItemSelectedChanged",
      DialogMessageReceived: "dialogMessageReceived",
      DialogEventReceived: "dialogEventReceived"
    },
    MailboxEnums: { RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" } },
    FileType: { Compressed: "compressed" },
    onReady(callback) {
      const info = { host, platform: "OfficeOnline" };
      if (callback) setTimeout(() => callback(info), 0);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: (name) => (name === "NestedAppAuth" ? !!config.nestedAppAuth : true) },
      mailbox: host === "Outlook" ? {
        item: item && {
          itemId: item.itemId, itemType: "message", subject: item.subject,
          from: { emailAddress: item.fromAddress, displayName: item.fromName },
          // As Outlook documents it: the owner, the user's folder rights (DelegatePermissions bits); "failed" when the
          // item is the user's own.
          getSharedPropertiesAsync(options, callback) {
            const done = typeof options === "function" ? options : callback;
            const shared = item.shared;
            setTimeout(() => done(shared
              ? { status: "succeeded", value: { owner: shared.owner, targetMailbox: shared.owner,
                  targetRestUrl: "https://outlook.office.com/api", delegatePermissions: shared.permissions } }
              : { status: "failed", error: { code: 9041, message: "The current folder or mailbox isn't shared." } }),
              0);
          },
        },
        diagnostics: { hostName: config.hostName || "OutlookWebApp", hostVersion: "16.0" },
        // EWS ids use "/" and "+" where REST ids use "-" and "_".
        convertToRestId: (id) => id.replace(/\//g, "-").replace(/\+/g, "_"),
        addHandlerAsync(_type, _handler, callback) { callback && callback({ status: "succeeded" }); },
      } : undefined,
      document: host === "Word" ? {
        getFileAsync(_type, _options, callback) {
          const bytes = state.docx || new Uint8Array();
          callback({ status: "succeeded", value: {
            size: bytes.length, sliceCount: 1,
            getSliceAsync: (_index, done) =>
              done({ status: "succeeded", value: { data: Array.from(bytes), index: 0, size: bytes.length } }),
            closeAsync: (done) => done && done({ status: "succeeded" }),
          } });
        },
      } : undefined,
      // The sign-in dialog (Office without Nested App Authentication): config.dialog says how it ends.
      ui: {
        displayDialogAsync(url, _options, callback) {
          state.dialogUrl = url;
          const mode = config.dialog || "blocked";
          if (mode === "blocked")
            return callback({ status: "failed", error: { code: 12011, message: "The browser blocked the dialog." } });
          const handlers = {};
          callback({ status: "succeeded", value: {
            addEventHandler: (type, handler) => { handlers[type] = handler; },
            close: () => { state.dialogClosed = true; }
          } });
          const answer = mode === "consent" ? { ok: false, error: "consent_required" }
            : mode === "closed" ? null : { ok: true, token: "jeton-de-test", expiresOn: Date.now() + 3600000 };
          setTimeout(() => answer
            ? handlers.dialogMessageReceived({ message: JSON.stringify(answer) })
            : handlers.dialogEventReceived({ error: 12006 }), 50);
        },
        messageParent() {},
      },
    },
  };
  if (host === "Word") {
    window.Word = {
      InsertLocation: { replace: "Replace", start: "Start", end: "End", before: "Before", after: "After" },
      run: async (batch) => batch(wordContext()),
    };
  }
})();
