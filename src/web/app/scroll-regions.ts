// A table wider than its place scrolls sideways; a keyboard user can scroll it only when the scrolling box takes the
// focus (WCAG 2.1.1; axe "scrollable-region-focusable"). Ant Design's tables do not make it focusable: one observer on
// the document gives every table box that overflows a place in the tab order (tabindex 0), and takes it back
// when the box fits again. The hidden row a table measures its columns with repeats the column titles (a "select all"
// box among them): it is made inert, out of the tab order like it is out of the accessibility tree.
import { useEffect } from "react";

const BOXES = ".ant-table-content, .ant-table-body";

function mark(root: HTMLElement) {
  for (const row of root.querySelectorAll<HTMLElement>("tr.ant-table-measure-row:not([inert])")) row.inert = true;
  for (const box of root.querySelectorAll<HTMLElement>(BOXES)) {
    const overflows = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (overflows && box.getAttribute("tabindex") !== "0") box.setAttribute("tabindex", "0");
    else if (!overflows && box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
  }
}

export function useFocusableScrollRegions() {
  useEffect(() => {
    const root = document.body;
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), mark(root)));
    };
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
