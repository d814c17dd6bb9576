import { definePolicy } from "../../platform/policy.js";
import type { Actor } from "../../platform/context.js";
import { importKinds } from "./kinds/index.js";
import type { ImportKindKey } from "./columns.js";

type ImportRef = { createdBy: string | null; kind: string };

const mayImportSomething = (a: Actor) => Object.values(importKinds).some((k) => k.canImport(a));

// An import (tệp Excel đang chờ nhập) belongs to the user who uploaded it: nobody else sees it (404) or commits it.
// Which kinds a user may import is the resource's own policy (organisationPolicy / personPolicy "import").
export const importPolicy = definePolicy<ImportRef, "commit", "import">({
  resource: "import",
  general: {
    create: (a) => mayImportSomething(a),
    template: (a) => mayImportSomething(a),
    read: () => true,
  },
  record: {
    read: (a, i) => !!i.createdBy && i.createdBy === a.userId,
    commit: (a, i) => !!i.createdBy && i.createdBy === a.userId && !!importKinds[i.kind as ImportKindKey]?.canImport(a),
  },
});
