// The window's width class, known at the first render. Ant Design's `Grid.useBreakpoint` reports the breakpoints only
// after its component has mounted, so everything under a component using it is drawn twice — the second time in one
// blocking pass as the page starts (the frame and its page, on every first visit). This reads `matchMedia` while
// rendering, and follows later changes of the window's size.
//
// A page rendered on the server cannot measure the window: it is drawn for the width the request suggests (a phone's
// browser says it is one, `NarrowWindow`), and the browser takes it over with the same answer before measuring, so that
// a phone is not sent the desktop frame only to have it replaced as the page starts.
import { createContext, useContext, useSyncExternalStore } from "react";

/** Ant Design's default breakpoints (min-width of each size; the theme keeps them). */
export const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200 } as const;

const lists = new Map<string, MediaQueryList>();
const mediaList = (query: string) => {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
};

/**
 * Whether a page rendered on the server was drawn for a phone's width (narrower than every breakpoint): the server's
 * guess while rendering, and in the browser the guess the page was rendered with (main.tsx), while React takes it over.
 */
export const NarrowWindow = createContext(false);

/**
 * Whether the window is narrower than breakpoint `bp` (Ant Design's `useBreakpoint()[bp] === false`). Rendered
 * outside a browser (a page rendered ahead), the answer is `NarrowWindow`'s.
 */
export function useNarrowerThan(bp: keyof typeof BREAKPOINTS): boolean {
  const query = `(max-width: ${BREAKPOINTS[bp] - 0.02}px)`;
  const narrow = useContext(NarrowWindow);
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaList(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => mediaList(query).matches,
    () => narrow,
  );
}
