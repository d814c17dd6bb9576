// All Vietnamese texts (shared and every feature's), one chunk loaded only when Vietnamese is the language in use.
import shared from "./vi.json";
import { featureTexts, mergeTexts, type Tree } from "./texts";

const features = import.meta.glob<Tree>("../features/*/locales/vi.json", { eager: true, import: "default" });

export default mergeTexts([{ source: "i18n/vi.json", tree: shared }, ...featureTexts(features)]);
