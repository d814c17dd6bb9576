// A number typed in the reader's notation (vi "1.234.567,5", en "1,234,567.5"), shown with thousands separators
// when not being edited. What is not a number is never dropped nor partly read: the text stays on screen, marked
// invalid, and is handed on as it is (a string), so the form's contract rule ("… phải là một số.") or the
// statistical validation engine refuses it visibly and nothing is saved without it. Works as an antd Form control
// (value/onChange) and on its own.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { Input } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumberText, parseNumberText, type NumberLang } from "../app/number-text";

export type NumberFieldValue = number | string | null;

export interface NumberFieldProps {
  id?: string;
  value?: NumberFieldValue;
  onChange?: (value: NumberFieldValue) => void;
  onBlur?: () => void;
  /** whole numbers only (a decimal is refused like text) */
  integer?: boolean;
  /** thousands separators when not editing (off for years: "2025", not "2.025") */
  grouping?: boolean;
  status?: "error" | "warning";
  disabled?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  suffix?: ReactNode;
  style?: CSSProperties;
  className?: string;
  "aria-label"?: string;
  /** force the notation (default: the interface language) */
  lang?: NumberLang;
}

export function NumberField({ value, onChange, onBlur, integer = false, grouping = true, status, lang: forced, ...rest }: NumberFieldProps) {
  const { i18n } = useTranslation();
  const lang: NumberLang = forced ?? (i18n.language === "en" ? "en" : "vi");
  /** the text being typed; null: show the value formatted */
  const [text, setText] = useState<string | null>(null);
  const emitted = useRef<NumberFieldValue | undefined>(undefined);
  // a value set from outside (reset, fill, reload) replaces the text being typed
  useEffect(() => {
    if (value !== emitted.current) setText(null);
  }, [value]);
  const shown = text ?? (typeof value === "number" ? formatNumberText(value, lang, grouping) : (value ?? ""));
  const parsed = parseNumberText(shown, lang, integer);
  return (
    <Input
      {...rest}
      inputMode={integer ? "numeric" : "decimal"}
      autoComplete="off"
      value={shown}
      status={parsed.ok ? status : "error"}
      aria-invalid={!parsed.ok || status === "error" || undefined}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        const p = parseNumberText(raw, lang, integer);
        const next = p.ok ? p.value : raw;
        emitted.current = next;
        onChange?.(next);
      }}
      onBlur={() => {
        if (parsed.ok) setText(null);
        onBlur?.();
      }}
    />
  );
}
