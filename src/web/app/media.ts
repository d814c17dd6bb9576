// The window's width class, known at the first render. Ant Design's `Grid.useBreakpoint` reports the breakpoints only
// after its component has mounted, so everything under a component using it is drawn twice — the second time in one
// blocking pass as the page starts (the frame and its page, on every first visit). This reads `matchMedia` while
// rendering, and follows later changes of the window's size.
import { useSyncExternalStore } from "react";

/** Ant Design's default breakpoints (min-width of each size; the theme keeps them). */
export const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200 } as const;

const lists = new Map<string, MediaQueryList>();
const mediaList = (query: string) => {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
};

/**
 * Whether the window is narrower than breakpoint `bp` (Ant Design's `useBreakpoint()[bp] === false`). Rendered
 * outside a browser (a page rendered ahead), the answer is "not narrower".
 */
export function useNarrowerThan(bp: keyof typeof BREAKPOINTS): boolean {
  const query = `(max-width: ${BREAKPOINTS[bp] - 0.02}px)`;
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaList(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => mediaList(query).matches,
    () => false,
  );
}
