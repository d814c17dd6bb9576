// The app's texts in one language are the shared file (i18n/<lang>.json: app, navigation, roles, states, errors,
// lists and records, commands) and each feature's own (features/<f>/locales/<lang>.json), so a feature's texts live
// beside its pages and no feature edits another's file. A top-level key belongs to exactly one file.
export type Tree = { [k: string]: string | Tree };

export function mergeTexts(parts: { source: string; tree: Tree }[]): Tree {
  const out: Tree = {};
  const owner = new Map<string, string>();
  for (const { source, tree } of parts) {
    for (const [key, value] of Object.entries(tree)) {
      const first = owner.get(key);
      if (first) throw new Error(`text key "${key}" is defined in ${first} and in ${source}`);
      owner.set(key, source);
      out[key] = value;
    }
  }
  return out;
}

/** A language's feature files (from import.meta.glob) as merge parts, in a stable order. */
export const featureTexts = (files: Record<string, Tree>) =>
  Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, tree]) => ({ source, tree }));
