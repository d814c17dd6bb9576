// Who may open which council page, from the general abilities the server sends with the session; kept apart from the
// pages' shared components so that the route table (routes.tsx, part of the first download) needs nothing else.
import type { Me } from "../../app/session";

/** What the council pages offer, from the general abilities the server sends with the session. */
export const councilAccess = {
  list: (me: Me | null) => !!me?.can?.council?.list,
  create: (me: Me | null) => !!me?.can?.council?.create,
  /** "My ballots": people in the registry (experts) who may sit on councils */
  mine: (me: Me | null) => !!me?.personId && !!me?.roles.includes("expert"),
};
