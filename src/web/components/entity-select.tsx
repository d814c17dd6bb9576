// Selects that search a registry on the server (accent-insensitive): an organisation or a person by name.
import { useState } from "react";
import { Select, type SelectProps } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type ListResult } from "../app/api";
import { useDebounced } from "./use-debounced";

interface Named {
  id: string;
}

function makeRemoteSelect<T extends Named>(opts: { endpoint: string; labelOf: (item: T) => string; recordLabel: (record: T) => string }) {
  return function RemoteSelect(props: Omit<SelectProps<string>, "options" | "showSearch" | "mode"> & { value?: string | null }) {
    const { t } = useTranslation();
    const [search, setSearch] = useState("");
    const q = useDebounced(search, 300);
    const results = useQuery({
      queryKey: [opts.endpoint, "options", q],
      queryFn: () => api.get<ListResult<T>>(opts.endpoint, { q, pageSize: 20 }),
      staleTime: 30_000,
    });
    const selected = useQuery({
      queryKey: [opts.endpoint, "one", props.value],
      queryFn: () => api.get<T>(`${opts.endpoint}/${props.value}`),
      enabled: !!props.value && !(results.data?.items ?? []).some((i) => i.id === props.value),
      staleTime: 5 * 60_000,
    });
    const options = (results.data?.items ?? []).map((i) => ({ value: i.id, label: opts.labelOf(i) }));
    if (props.value && !options.some((o) => o.value === props.value)) {
      options.unshift({ value: props.value, label: selected.data ? opts.recordLabel(selected.data) : t("common.loading") });
    }
    return (
      <Select<string>
        allowClear
        placeholder={t("common.typeToSearch")}
        notFoundContent={results.isFetching ? t("common.loading") : t("states.noMatch")}
        loading={results.isFetching}
        {...props}
        value={props.value ?? undefined}
        onChange={(v, o) => props.onChange?.(v ?? (null as unknown as string), o)}
        showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
        onOpenChange={(open) => {
          if (!open) setSearch("");
        }}
        options={options}
      />
    );
  };
}

interface OrgOption extends Named {
  nameVi: string;
  abbreviation?: string | null;
}
export const OrganisationSelect = makeRemoteSelect<OrgOption>({
  endpoint: "/organisations",
  labelOf: (o) => (o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi),
  recordLabel: (o) => (o.abbreviation ? `${o.nameVi} (${o.abbreviation})` : o.nameVi),
});

interface PersonOption extends Named {
  fullName: string;
  birthYear?: number | null;
  primaryOrganisationName?: string | null;
}
export const PersonSelect = makeRemoteSelect<PersonOption>({
  endpoint: "/people",
  labelOf: (p) => [p.fullName, p.birthYear, p.primaryOrganisationName].filter(Boolean).join(" · "),
  recordLabel: (p) => p.fullName,
});

/** The name of an organisation by id (cached), for places that only hold the id. */
export function OrganisationName({ id }: { id: string | null | undefined }) {
  const q = useQuery({
    queryKey: ["/organisations", "one", id],
    queryFn: () => api.get<OrgOption>(`/organisations/${id}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  if (!id) return null;
  return <>{q.data ? q.data.nameVi : "…"}</>;
}

/** The name of a person by id (cached). */
export function PersonName({ id }: { id: string | null | undefined }) {
  const q = useQuery({
    queryKey: ["/people", "one", id],
    queryFn: () => api.get<PersonOption>(`/people/${id}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  if (!id) return null;
  return <>{q.data ? q.data.fullName : "…"}</>;
}
