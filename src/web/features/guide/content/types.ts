// The shape of the guide's texts in one language (content/vi.ts, content/en.ts). A step's text names the app's controls
// as "[[text.key]]"; the guide shows each as the control's own label in the reader's language, so a renamed button is
// renamed in the guide too (guide-tour.ts).
import type { GuideRole } from "../guide-tour.js";

export interface StopTexts {
  title: string;
  /** what the page is for, one sentence */
  what: string;
  steps: readonly string[];
}

export interface RoleTexts {
  /** who holds the role */
  who: string;
  /** what the home page "Việc của tôi" shows them */
  home: string;
  /** the screenshot's description (alt text) */
  screenshotAlt: string;
  /** by the stop's id in guide-tour.ts */
  stops: Record<string, StopTexts>;
}

export const HELP_TOPICS = ["fundingPlan", "statisticsReport", "council"] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export interface HelpTexts {
  title: string;
  sections: readonly { heading: string; points: readonly string[] }[];
  /** where the rules come from, as the repository cites them */
  sources: readonly string[];
}

export interface GuideTexts {
  roles: Record<GuideRole, RoleTexts>;
  help: Record<HelpTopic, HelpTexts>;
}
