// A page rendered on the server carries its data as a JSON block that no text in the data can close or turn into a
// script, and that reads back as the same data.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PAGE_DATA_ID, pageHtml } from "./page-data";

const TEMPLATE = `<!doctype html><html><head><title>KHCN</title><script type="module" src="/assets/boot-1.js"></script></head><body><div id="root"></div></body></html>`;
const rendered = { html: "<main><h1>Kết quả</h1></main>", styles: "<style>.a{}</style>", title: "Kết quả · KHCN Hải Phòng" };

const block = (html: string) => {
  const open = `<script type="application/json" id="${PAGE_DATA_ID}">`;
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf("</script>", start));
};

describe("a page's HTML with its data", () => {
  it("writes the markup, the styles, the title and the data where the browser reads them", () => {
    const data = [{ queryKey: ["public-results", { page: 1 }], data: { items: [{ titleVi: "Cảng cạn" }], total: 1 } }];
    const html = pageHtml(TEMPLATE, "/results", rendered, data);
    expect(html).toContain('<div id="root" data-prerendered="/results" inert><main><h1>Kết quả</h1></main></div>');
    expect(html).toContain("<title>Kết quả · KHCN Hải Phòng</title>");
    expect(html).toContain("<style>.a{}</style></head>");
    expect(JSON.parse(block(html))).toEqual(data);
    expect(pageHtml(TEMPLATE, "/login", rendered)).not.toContain(PAGE_DATA_ID);
  });

  it("keeps any text of the data inside the block (no </script>, no comment opener) and reads it back unchanged", () => {
    const hostile = ["</script><script>alert(1)</script>", "<!--", "</SCRIPT >", "$& $' $`", "\u2028\u2029"];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...hostile)), { maxLength: 6 }), (texts) => {
        const data = [{ queryKey: ["k"], data: { texts } }];
        const html = pageHtml(TEMPLATE, "/results", rendered, data);
        const json = block(html);
        expect(json).not.toMatch(/</);
        expect(JSON.parse(json)).toEqual(data);
        // the markup and what follows the block are untouched by the data ($-patterns are not expanded)
        expect(html.endsWith("</script></body></html>")).toBe(true);
      }),
    );
  });

  it("writes the page's address as an attribute value that nothing in it can leave", () => {
    const html = pageHtml(TEMPLATE, '/results/x"><script>alert(1)</script>', rendered);
    expect(html).toContain('data-prerendered="/results/x&quot;>&lt;script>alert(1)&lt;/script>" inert>');
  });

  it("refuses a template without an empty #root", () => {
    expect(() => pageHtml("<html><head></head><body></body></html>", "/x", rendered)).toThrow(/#root|root/);
  });
});
