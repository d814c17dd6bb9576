// The user's "reduce motion" setting (prefers-reduced-motion, WCAG 2.3.3): when it is on, Ant Design's opening and
// closing animations (dialogs, drawers, dropdowns, messages) and the charts' transitions are switched off.
import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

const media = () => (typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(QUERY) : null);

/** Whether the user asked for reduced motion, read now (for code outside React). */
export function prefersReducedMotion(): boolean {
  return media()?.matches ?? false;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  m?.addEventListener("change", onChange);
  return () => m?.removeEventListener("change", onChange);
}

/** Whether the user asked for reduced motion, following changes of the setting. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}
