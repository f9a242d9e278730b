// The open Word document: the merged letter goes in, a field goes at the cursor, and the file comes out for the linter.

const toBase64 = async (blob: Blob) => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};

/** Replaces the document's body with the merged letter (WordApi 1.1), and returns the text now in it. */
export async function insertLetter(docx: Blob): Promise<string> {
  const base64 = await toBase64(docx);
  return Word.run(async (context) => {
    const body = context.document.body;
    body.insertFileFromBase64(base64, Word.InsertLocation.replace);
    body.load("text");
    await context.sync();
    return body.text;
  });
}

/** Puts a field's tag where the cursor is. */
export async function insertAtCursor(text: string) {
  await Word.run(async (context) => {
    context.document.getSelection().insertText(text, Word.InsertLocation.replace);
    await context.sync();
  });
}

/** Selects the first place the text appears, to show the author where a problem is. */
export async function showInDocument(text: string): Promise<boolean> {
  return Word.run(async (context) => {
    const found = context.document.body.search(text.slice(0, 250), { matchCase: true });
    found.load("items");
    await context.sync();
    if (found.items.length === 0) return false;
    found.items[0].select();
    await context.sync();
    return true;
  });
}

/** The whole document as a .docx file, read slice by slice through Office's file API. */
export function documentFile(): Promise<Blob> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) return reject(new Error(opened.error.message));
      const file = opened.value;
      const parts: BlobPart[] = [];
      const next = (index: number) => file.getSliceAsync(index, (slice) => {
        if (slice.status === Office.AsyncResultStatus.Failed) {
          file.closeAsync();
          return reject(new Error(slice.error.message));
        }
        parts.push(new Uint8Array(slice.value.data as number[]));
        if (index + 1 < file.sliceCount) return next(index + 1);
        file.closeAsync();
        resolve(new Blob(parts, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
      });
      next(0);
    });
  });
}
