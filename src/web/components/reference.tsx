// Reference code lists (GET /reference/:list) with labels in the current language: a hook, a label and a select.
import { useQuery } from "@tanstack/react-query";
import { Select, Tag, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import type { CodeListKey } from "../../common/reference";
import { foldVietnamese } from "../../common/list";
import { api } from "../app/api";

export interface Code {
  code: string;
  parentCode: string | null;
  level: number;
  labelVi: string;
  labelEn: string;
}
interface CodeList {
  list: string;
  version: number;
  codes: Code[];
}

/** A code list's query key and the API address (under /api/v1) that answers it. */
export const codeListRequest = (list: CodeListKey) => ({ queryKey: ["reference", list] as const, path: `/reference/${list}` });

export function useCodes(list: CodeListKey) {
  const { i18n } = useTranslation();
  const request = codeListRequest(list);
  const q = useQuery({
    queryKey: request.queryKey,
    queryFn: () => api.get<CodeList>(request.path),
    staleTime: 60 * 60_000,
  });
  const en = i18n.language === "en";
  const codes = q.data?.codes ?? [];
  const labelOf = (code: string | null | undefined): string => {
    if (!code) return "";
    const c = codes.find((x) => x.code === code);
    return c ? (en ? c.labelEn : c.labelVi) : code;
  };
  return { ...q, codes, labelOf, en };
}

export function CodeLabel({ list, code }: { list: CodeListKey; code: string | null | undefined }) {
  const { labelOf } = useCodes(list);
  return <>{labelOf(code)}</>;
}

export function CodeTags({ list, codes }: { list: CodeListKey; codes: string[] }) {
  const { labelOf } = useCodes(list);
  if (!codes.length) return null;
  return (
    <>
      {codes.map((c) => (
        <Tag key={c} variant="outlined" style={{ marginBottom: 4 }} title={labelOf(c)}>
          {labelOf(c)}
        </Tag>
      ))}
    </>
  );
}

/** Typing "ky thuat" finds "Kỹ thuật": options are matched without diacritics or case. */
const matchesFolded = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? "")).includes(foldVietnamese(input.trim()));

type CodeSelectProps = Omit<SelectProps, "options"> & {
  list: CodeListKey;
  /** only codes of this level (fields of science: 1 or 2) */
  level?: number;
  /** choices offered before the codes (a filter's "not recorded") */
  extra?: { value: string; label: string }[];
};

/** A select over a reference list; fields of science are grouped by level 1 when no level is given. */
export function CodeSelect({ list, level, extra = [], ...rest }: CodeSelectProps) {
  const { codes, en, isPending } = useCodes(list);
  const label = (c: Code) => (list === "field" ? `${c.code} · ` : "") + (en ? c.labelEn : c.labelVi);
  let options: SelectProps["options"];
  if (list === "field" && level === undefined) {
    options = codes
      .filter((c) => c.level === 1)
      .map((g) => ({
        label: label(g),
        title: label(g),
        options: [g, ...codes.filter((c) => c.parentCode === g.code)].map((c) => ({ value: c.code, label: label(c) })),
      }));
  } else {
    options = codes.filter((c) => level === undefined || c.level === level).map((c) => ({ value: c.code, label: label(c) }));
  }
  // Outside a form item (which gives the field its id and label), a filter's placeholder is its only name: say it to
  // screen readers too (antd draws the placeholder beside the input, not as its placeholder attribute).
  const name = rest["aria-label"] ?? (!rest.id && typeof rest.placeholder === "string" ? rest.placeholder : undefined);
  return (
    <Select allowClear showSearch={{ filterOption: matchesFolded }} loading={isPending} options={[...extra, ...(options ?? [])]} aria-label={name} {...rest} />
  );
}
