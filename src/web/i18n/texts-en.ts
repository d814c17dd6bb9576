// All English texts (shared and every feature's), one chunk loaded only when English is the language in use.
import shared from "./en.json";
import { featureTexts, mergeTexts, type Tree } from "./texts";

const features = import.meta.glob<Tree>("../features/*/locales/en.json", { eager: true, import: "default" });

export default mergeTexts([{ source: "i18n/en.json", tree: shared }, ...featureTexts(features)]);
