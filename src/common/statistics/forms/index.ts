// The seeded statistical form templates (versioned configuration). Start-up loads every version the database lacks
// into statistical_form_versions; a changed form is a NEW version (a new object here with version + 1), never an
// edit of a stored one.
import { formDefinition, type FormDefinition } from "../../api/statistics.js";
import { form01 } from "./f01-khcn-tc.js";
import { form02 } from "./f02-khcn-nl.js";
import { form03 } from "./f03-khcn-cp.js";
import { form04 } from "./f04-khcn-nv.js";
import { form08 } from "./f08-khcn-shtt.js";

export const SEEDED_FORMS: readonly FormDefinition[] = [form01, form02, form03, form04, form08].map((f) => formDefinition.parse(f));
