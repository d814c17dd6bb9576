// Reads the printed text back from a PDF written by LibreOffice (for tests and checks): the pages and, on each page,
// the pieces of text with their position, so that a test can tell on which page and on which printed line a text
// landed. It understands what LibreOffice's PDF export writes — FlateDecode content streams, fonts with a ToUnicode
// map, text placed with Td/Tm and shown with Tj/TJ — not PDF in general.
import { inflateSync } from "node:zlib";

export interface PdfPiece {
  /** Position of the start of the text in points from the bottom-left corner of the page. */
  x: number;
  y: number;
  size: number;
  text: string;
}
export interface PdfPage {
  pieces: PdfPiece[];
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString("latin1");
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf("endobj", start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const at = body.search(/stream\r?\n/);
    let dict = body;
    let stream: Buffer | null = null;
    if (at >= 0 && /^\s*<</.test(body)) {
      dict = body.slice(0, at);
      const dataStart = start + at + (body[at + 6] === "\r" ? 8 : 7);
      const dataEnd = s.lastIndexOf("endstream", end);
      const raw = pdf.subarray(dataStart, dataEnd);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate the end of line */ }) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** Code → text of a font's ToUnicode map (bfchar and bfrange). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => {
    let t = "";
    for (let i = 0; i + 4 <= h.length; i += 4) t += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return t;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const e of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(e[1], 16), hex(e[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const e of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [lo, hi, first] = [parseInt(e[1], 16), parseInt(e[2], 16), parseInt(e[3], 16)];
      for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(first + c - lo));
    }
  return map;
}

interface PdfFont {
  map: Map<number, string>;
  bytes: number;
  /** Advance widths in thousandths of the font size, by code. */
  widths: Map<number, number>;
}

function widthsOf(objects: Map<number, PdfObject>, dict: string): Map<number, number> {
  const out = new Map<number, number>();
  const first = Number(/\/FirstChar\s+(\d+)/.exec(dict)?.[1] ?? 0);
  let list = /\/Widths\s*\[([^\]]*)\]/.exec(dict)?.[1];
  const r = ref(dict, "Widths");
  if (list === undefined && r !== null) list = /\[([^\]]*)\]/.exec(objects.get(r)?.dict ?? "")?.[1];
  (list ?? "")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .forEach((w, i) => out.set(first + i, Number(w)));
  return out;
}

function fontsOf(objects: Map<number, PdfObject>, pageDict: string): Map<string, PdfFont> {
  let resources = pageDict;
  const r = ref(pageDict, "Resources");
  if (r !== null) resources = objects.get(r)?.dict ?? "";
  let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? "";
  const fr = ref(resources, "Font");
  if (!fontDict && fr !== null) fontDict = objects.get(fr)?.dict ?? "";
  const fonts = new Map<string, PdfFont>();
  for (const f of fontDict.matchAll(/\/([A-Za-z0-9_.+-]+)\s*(\d+) 0 R/g)) {
    const font = objects.get(Number(f[2]));
    const tu = font ? ref(font.dict, "ToUnicode") : null;
    const cmap = tu !== null ? (objects.get(tu)?.stream?.toString("latin1") ?? "") : "";
    const two = /begincodespacerange\s*<[0-9A-Fa-f]{4}>/.test(cmap) || /\/Type0/.test(font?.dict ?? "");
    fonts.set(f[1], { map: toUnicode(cmap), bytes: two ? 2 : 1, widths: font ? widthsOf(objects, font.dict) : new Map() });
  }
  return fonts;
}

/** The text shown by one content stream, piece by piece. */
function piecesOf(content: string, fonts: Map<string, PdfFont>): PdfPiece[] {
  const out: PdfPiece[] = [];
  const tokens = content.match(/<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|\/[^\s/[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'"*]+/g) ?? [];
  let font: PdfFont = fonts.values().next().value ?? { map: new Map<number, string>(), bytes: 1, widths: new Map() };
  let size = 0;
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  let leading = 0;
  const stack: string[] = [];
  // Each glyph becomes a piece at its own position: LibreOffice prints the glyphs of a line that one font subset
  // lacks from a second subset, into the gaps it leaves in the first.
  const glyph = (code: number, text: string) => {
    if (text) out.push({ x, y, size, text });
    x += ((font.widths.get(code) ?? 0) / 1000) * size;
  };
  const showHex = (h: string) => {
    const hex = h.replace(/[<>\s]/g, "");
    for (let i = 0; i + font.bytes * 2 <= hex.length; i += font.bytes * 2) {
      const code = parseInt(hex.slice(i, i + font.bytes * 2), 16);
      glyph(code, font.map.get(code) ?? "");
    }
  };
  const showLiteral = (l: string) => {
    const text = l
      .slice(1, -1)
      .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
        /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e),
      );
    for (const ch of text) glyph(ch.charCodeAt(0), font.map.get(ch.charCodeAt(0)) ?? ch);
  };
  const show = (items: string[]) => {
    for (const t of items) {
      if (t.startsWith("<")) showHex(t);
      else if (t.startsWith("(")) showLiteral(t);
      else x -= (Number(t) / 1000) * size;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t) {
      case "BT":
        x = y = lineX = lineY = 0;
        stack.length = 0;
        break;
      case "Tf":
        font = fonts.get(stack[stack.length - 2]?.slice(1) ?? "") ?? font;
        size = Number(stack[stack.length - 1]);
        stack.length = 0;
        break;
      case "Td":
      case "TD": {
        const [tx, ty] = stack.slice(-2).map(Number);
        lineX += tx;
        lineY += ty;
        if (t === "TD") leading = -ty;
        x = lineX;
        y = lineY;
        stack.length = 0;
        break;
      }
      case "Tm": {
        const v = stack.slice(-6).map(Number);
        lineX = x = v[4];
        lineY = y = v[5];
        if (v[0] && !size) size = Math.abs(v[0]);
        stack.length = 0;
        break;
      }
      case "TL":
        leading = Number(stack[stack.length - 1]);
        stack.length = 0;
        break;
      case "T*":
        lineY -= leading;
        x = lineX;
        y = lineY;
        stack.length = 0;
        break;
      case "Tj":
      case "'":
      case '"':
        if (t !== "Tj") {
          lineY -= leading;
          x = lineX;
          y = lineY;
        }
        show(stack.slice(-1));
        stack.length = 0;
        break;
      case "[": {
        const items: string[] = [];
        for (i++; i < tokens.length && tokens[i] !== "]"; i++) items.push(tokens[i]);
        if (tokens[i + 1] === "TJ") {
          show(items);
          i++;
        }
        stack.length = 0;
        break;
      }
      default:
        if (/^[A-Za-z'"*]+$/.test(t)) stack.length = 0;
        else stack.push(t);
    }
  }
  return out;
}

/** The pages of the PDF in order, each with the text pieces it shows. */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const order: number[] = [];
  const walk = (id: number) => {
    const o = objects.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? "";
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else if (/\/Type\s*\/Page\b/.test(o.dict)) order.push(id);
  };
  const root = catalog ? ref(catalog.dict, "Pages") : null;
  if (root !== null) walk(root);
  return order.map((id) => {
    const page = objects.get(id)!;
    const fonts = fontsOf(objects, page.dict);
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents\s*(\d+ 0 R)/.exec(page.dict)?.[1] ?? "";
    const pieces: PdfPiece[] = [];
    for (const c of contents.matchAll(/(\d+) 0 R/g)) {
      const stream = objects.get(Number(c[1]))?.stream;
      if (stream) pieces.push(...piecesOf(stream.toString("latin1"), fonts));
    }
    return { pieces };
  });
}

/**
 * The printed lines of a page (or of a region of it): pieces on the same baseline (within a quarter point) joined left
 * to right, top to bottom.
 */
export function pdfLines(page: PdfPage, region: { minX?: number; maxX?: number } = {}): { y: number; x: number; text: string }[] {
  const pieces = page.pieces.filter((p) => p.x >= (region.minX ?? -Infinity) && p.x < (region.maxX ?? Infinity));
  const lines: { y: number; x: number; parts: PdfPiece[] }[] = [];
  for (const p of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - p.y) < 0.25);
    if (line) line.parts.push(p);
    else lines.push({ y: p.y, x: p.x, parts: [p] });
  }
  return lines.map((l) => ({
    y: l.y,
    x: Math.min(...l.parts.map((p) => p.x)),
    text: l.parts
      .sort((a, b) => a.x - b.x)
      .map((p) => p.text)
      .join("")
      .replace(/\s+/g, " ")
      .trim(),
  }));
}
