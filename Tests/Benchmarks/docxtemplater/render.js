// Renders a template N times with docxtemplater and prints the mean time per render, in milliseconds.
// Usage: node render.js <template.docx> <data.json> <iterations> [<output.docx>]
"use strict";
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

const [template, dataPath, iterationsText, output] = process.argv.slice(2);
const content = fs.readFileSync(template);
const data = JSON.parse(fs.readFileSync(dataPath, "utf8"));
const iterations = Number(iterationsText);

const nbsp = "\u00a0";
const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, nbsp);
const number = (value, decimals) => {
  const [int, frac] = Math.abs(value).toFixed(decimals).split(".");
  return (value < 0 ? "-" : "") + group(int) + (frac ? "," + frac : "");
};
const months = [
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
];
const filters = {
  montant: (v) => (typeof v === "number" ? number(v, 2) + nbsp + "€" : v),
  date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.slice(8, 10) + "/" + v.slice(5, 7) + "/" + v.slice(0, 4) : v),
  date_longue: (v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    const day = Number(v.slice(8, 10));
    return (day === 1 ? "1er" : String(day)) + " " + months[Number(v.slice(5, 7)) - 1] + " " + v.slice(0, 4);
  },
  majuscules: (v) => String(v ?? "").toUpperCase(),
  pourcentage: (v) => (typeof v === "number" ? number(v, 2) + nbsp + "%" : v),
};

// The same language as OutlookDunning's engine: dotted paths, "| format", inner scopes first.
function parser(tag) {
  const [path, ...names] = tag.split("|").map((s) => s.trim());
  const segments = path.split(".");
  return {
    get(scope, context) {
      const scopes = context.scopeList;
      for (let i = scopes.length - 1; i >= 0; i--) {
        let value = scopes[i];
        if (value == null || typeof value !== "object" || !(segments[0] in value)) continue;
        for (const s of segments) value = value == null ? undefined : value[s];
        return names.reduce((v, name) => filters[name](v), value);
      }
      return undefined;
    },
  };
}

function render() {
  const doc = new Docxtemplater(new PizZip(content), {
    delimiters: { start: "{{", end: "}}" },
    paragraphLoop: true,
    linebreaks: true,
    parser,
    nullGetter: () => "",
  });
  doc.render(data);
  return doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}

render(); // warm-up
const start = process.hrtime.bigint();
let last;
for (let i = 0; i < iterations; i++) last = render();
const ms = Number(process.hrtime.bigint() - start) / 1e6 / iterations;
if (output) fs.writeFileSync(output, last);
console.log(JSON.stringify({ msPerRender: ms }));
