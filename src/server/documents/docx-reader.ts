// Reads back a generated .docx (for tests and checks): the parts, the paragraphs with their run formatting, and the
// tables as rows of cell texts.
import JSZip from "jszip";

export interface ReadRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** font size in points */
  size: number | null;
  font: string | null;
}
export interface ReadParagraph {
  text: string;
  runs: ReadRun[];
  align: string | null;
  xml: string;
}
export interface ReadDocx {
  files: string[];
  document: string;
  headers: Record<string, string>;
  styles: string;
  paragraphs: ReadParagraph[];
  /** Top-level tables, each as rows of cells, each cell's text with paragraphs joined by "\n". */
  tables: string[][][];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function readParagraphs(xml: string): ReadParagraph[] {
  const out: ReadParagraph[] = [];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const pxml = m[0];
    const runs: ReadRun[] = [];
    for (const r of pxml.matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)) {
      const rpr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? "";
      const text = [...r[1].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1])).join("");
      const size = /<w:sz w:val="(\d+)"/.exec(rpr)?.[1];
      runs.push({
        text,
        bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(rpr),
        italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(rpr),
        underline: /<w:u w:val="(?!none)/.test(rpr),
        size: size ? Number(size) / 2 : null,
        font: /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(rpr)?.[1] ?? null,
      });
    }
    out.push({ text: runs.map((r) => r.text).join(""), runs, align: /<w:jc w:val="([^"]+)"/.exec(pxml)?.[1] ?? null, xml: pxml });
  }
  return out;
}

export function readTables(xml: string): string[][][] {
  const tables: string[][][] = [];
  for (const t of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows: string[][] = [];
    for (const tr of t[1].matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)) {
      const cells: string[] = [];
      for (const tc of tr[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g))
        cells.push(
          readParagraphs(tc[1])
            .map((p) => p.text)
            .join("\n"),
        );
      rows.push(cells);
    }
    tables.push(rows);
  }
  return tables;
}

export async function readDocx(buf: Buffer): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(buf);
  const files = Object.keys(zip.files);
  const document = await zip.file("word/document.xml")!.async("string");
  const headers: Record<string, string> = {};
  for (const f of files.filter((n) => /^word\/header\d+\.xml$/.test(n))) headers[f] = await zip.file(f)!.async("string");
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  return { files, document, headers, styles, paragraphs: readParagraphs(document), tables: readTables(document) };
}
