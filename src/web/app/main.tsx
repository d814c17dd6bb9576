// Entry of the web app (index.html loads this module).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../i18n/index";
import "./styles.css";
import { Root } from "./Root";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
