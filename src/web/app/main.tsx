// Entry of the web app (index.html loads this module): asks for the session at once, and renders once the texts of
// the language in use have arrived (or could not be loaded: a page with its text keys is still better than an empty
// one).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { i18nReady } from "../i18n/index";
import "./styles.css";
import { Root } from "./Root";
import { queryClient } from "./query-client";
import { prefetchSession } from "./session";

void prefetchSession(queryClient);
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
