// THE list pattern: a filter form + a server-paginated, sortable table + export buttons, driven by a config.
// Filters, page, page size and sort live in the URL query string, so a list can be bookmarked, shared and
// returned to with the back button. The API contract is the shared one: ?q=&page=&pageSize=&sort=(field|-field)
// plus filters, answered with {items,total,page,pageSize}.
import { useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useSearchParams, useNavigate } from "react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Popover, Row, Select, Table, Tooltip } from "antd";
import type { ColumnType, TableProps } from "antd/es/table";
import { ClearOutlined, FileExcelOutlined, FileTextOutlined, FilterOutlined, InsertRowRightOutlined, SearchOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import dayjs from "dayjs";
import type { CodeListKey } from "../../common/reference";
import { api, download, errorMessage, type ListResult, type Query } from "../app/api";
import { formatNumber, DATE_FORMAT } from "../app/format";
import { CodeSelect } from "./reference";
import { OrganisationSelect, PersonSelect } from "./entity-select";
import { EmptyState, ErrorState } from "./states";
import { useNarrowerThan } from "../app/media";

export type FilterDef = {
  /** query-string parameter sent to the API */
  name: string;
  label: string;
  kind: "code" | "options" | "organisation" | "person" | "year" | "date" | "text";
  list?: CodeListKey;
  level?: number;
  /** the choices of an "options" filter, or those offered before the codes of a "code" one */
  options?: { value: string; label: string }[];
  placeholder?: string;
};

export type ListColumn<T> = ColumnType<T> & {
  /** the API's sort key for this column; makes the column sortable on the server */
  sortKey?: string;
  /**
   * a secondary column: hidden until the user shows it with the list's column chooser (the choice is kept in this
   * browser, per list), so that the key columns fit a 1366 px screen without sideways scrolling. Needs a text title.
   */
  optional?: boolean;
};

export interface ListConfig<T> {
  /** TanStack Query key root, e.g. "people" */
  resource: string;
  endpoint: string;
  rowKey: (row: T) => string;
  columns: ListColumn<T>[];
  filters?: FilterDef[];
  searchLabel?: string;
  searchPlaceholder?: string;
  /** GET endpoint answering a file for ?format=xlsx|csv with the same filters */
  exportEndpoint?: string;
  exportBaseName?: string;
  /** where a row leads (a click on the row or Enter on its link) */
  rowHref?: (row: T) => string;
  expandable?: TableProps<T>["expandable"];
  /** wide tables scroll sideways on small screens (default); lists with expandable details wrap instead */
  scrollX?: boolean;
  defaultPageSize?: number;
  /** buttons shown beside the export buttons (e.g. "Add") */
  actions?: ReactNode;
}

const DEBOUNCED: FilterDef["kind"][] = ["text", "year"];

/** The key of a column, for the column chooser: its `key`, else its `dataIndex`. */
const columnId = <T,>(c: ListColumn<T>) => String(c.key ?? (Array.isArray(c.dataIndex) ? c.dataIndex.join(".") : c.dataIndex));
const shownStorageKey = (resource: string) => `khcn.list.columns.${resource}`;

/** The optional columns the user has chosen to show on this list (kept in localStorage). */
function useShownColumns(resource: string) {
  const [shown, setShown] = useState<string[]>(() => {
    try {
      const v = JSON.parse(localStorage.getItem(shownStorageKey(resource)) ?? "[]") as unknown;
      return Array.isArray(v) ? v.map(String) : [];
    } catch {
      return [];
    }
  });
  const change = (next: string[]) => {
    setShown(next);
    try {
      localStorage.setItem(shownStorageKey(resource), JSON.stringify(next));
    } catch {
      // storage full or refused: the choice lasts until the page is left
    }
  };
  return [shown, change] as const;
}
const PAGE_SIZES = [10, 20, 50, 100];

function readParams(sp: URLSearchParams, filters: FilterDef[], defaultPageSize: number) {
  const params: Record<string, string> = {};
  for (const f of filters) {
    const v = sp.get(f.name);
    if (v) params[f.name] = v;
  }
  const q = sp.get("q") ?? "";
  const page = Math.max(1, Number(sp.get("page")) || 1);
  const size = Number(sp.get("pageSize"));
  const pageSize = PAGE_SIZES.includes(size) ? size : defaultPageSize;
  const sort = sp.get("sort") ?? "";
  return { q, page, pageSize, sort, filters: params };
}

function toFormValue(f: FilterDef, v: string | undefined): unknown {
  if (v === undefined) return undefined;
  if (f.kind === "year") return Number(v) || undefined;
  if (f.kind === "date") return dayjs(v);
  return v;
}

function fromFormValue(f: FilterDef, v: unknown): string {
  if (v === undefined || v === null || v === "") return "";
  if (f.kind === "date") return (v as dayjs.Dayjs).format("YYYY-MM-DD");
  return String(v);
}

export function ListView<T extends object>({ config }: { config: ListConfig<T> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const filters = config.filters ?? [];
  const state = readParams(sp, filters, config.defaultPageSize ?? 20);
  const [form] = Form.useForm();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [exporting, setExporting] = useState<"xlsx" | "csv" | null>(null);

  const query: Query = { ...state.filters, q: state.q, page: state.page, pageSize: state.pageSize, sort: state.sort };
  const list = useQuery({
    queryKey: [config.resource, "list", query],
    queryFn: () => api.get<ListResult<T>>(config.endpoint, query),
    placeholderData: keepPreviousData,
  });

  /** Writes changes to the URL; typing replaces the entry, a deliberate choice (filter, page, sort) adds one. */
  const update = (changes: Record<string, string>, opts: { resetPage?: boolean; replace?: boolean } = {}) => {
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (opts.resetPage !== false) next.delete("page");
        return next;
      },
      { replace: opts.replace ?? false },
    );
  };

  // A pending search must not write into the next page's URL after this list is gone.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  // The URL is the source of truth: when it changes from outside (back button, a link), the form follows.
  const urlKey = sp.toString();
  useEffect(() => {
    if (timer.current) return; // the user is typing; their value is about to be written to the URL
    const values: Record<string, unknown> = { q: state.q || undefined };
    for (const f of filters) values[f.name] = toFormValue(f, state.filters[f.name]);
    form.setFieldsValue(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlKey]);

  const onValuesChange = (changed: Record<string, unknown>) => {
    const [name, value] = Object.entries(changed)[0] ?? [];
    if (!name) return;
    const def = name === "q" ? ({ name: "q", kind: "text" } as FilterDef) : filters.find((f) => f.name === name);
    if (!def) return;
    const v = fromFormValue(def, value);
    if (DEBOUNCED.includes(def.kind)) {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        update({ [name]: v.trim() }, { replace: true });
      }, 400);
    } else update({ [name]: v });
  };

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const values = form.getFieldsValue();
    const changes: Record<string, string> = { q: String(values.q ?? "").trim() };
    for (const f of filters) changes[f.name] = fromFormValue(f, values[f.name]).trim();
    update(changes);
  };

  const activeFilters = Object.keys(state.filters).length;
  const hasFilters = !!state.q || activeFilters > 0;
  // On a phone the filters fold away behind one button; the search box stays.
  const narrow = useNarrowerThan("md");
  const [filtersOpen, setFiltersOpen] = useState(false);
  const showFilters = !narrow || filtersOpen;
  const clearFilters = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    form.resetFields();
    const changes: Record<string, string> = { q: "" };
    for (const f of filters) changes[f.name] = "";
    update(changes);
  };

  const exportAs = async (format: "xlsx" | "csv") => {
    if (!config.exportEndpoint) return;
    setExporting(format);
    try {
      const { page: _p, pageSize: _s, ...rest } = query;
      const name = await download(config.exportEndpoint, { ...rest, format }, `${config.exportBaseName ?? config.resource}.${format}`);
      message.success(t("list.exported", { name }));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const sortKey = state.sort.replace(/^-/, "");
  const sortDesc = state.sort.startsWith("-");
  const optional = config.columns.filter((c) => c.optional);
  const [shown, setShown] = useShownColumns(config.resource);
  const columns = useMemo(
    () =>
      config.columns
        .filter((c) => !c.optional || shown.includes(columnId(c)))
        .map(({ sortKey: key, optional: _optional, ...col }) =>
          key
            ? {
                ...col,
                sorter: true,
                sortDirections: ["ascend", "descend"] as ("ascend" | "descend")[],
                sortOrder: sortKey === key ? (sortDesc ? ("descend" as const) : ("ascend" as const)) : null,
                key,
              }
            : col,
        ),
    [config.columns, sortKey, sortDesc, shown],
  );

  const onTableChange: TableProps<T>["onChange"] = (pagination, _f, sorter, extra) => {
    if (extra.action === "sort") {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? String(s.columnKey ?? "") : "";
      update({ sort: key ? (s.order === "descend" ? `-${key}` : key) : "" });
    } else if (extra.action === "paginate") {
      update(
        {
          page: pagination.current && pagination.current > 1 ? String(pagination.current) : "",
          pageSize: pagination.pageSize && pagination.pageSize !== (config.defaultPageSize ?? 20) ? String(pagination.pageSize) : "",
        },
        { resetPage: false },
      );
    }
  };

  // The rows are drawn as a deferred render, which React splits into short slices: a page of rows (each with its
  // tags, links and tooltips) does not hold the main thread in one long task, and the filters stay responsive.
  const data = useDeferredValue(list.data);
  const drawing = data !== list.data;
  return (
    <Card className="list-card">
      <Form form={form} layout="vertical" onValuesChange={onValuesChange} onFinish={flush} className="list-filters" requiredMark={false}>
        <Row gutter={[16, 0]} align="bottom">
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="q" label={config.searchLabel ?? t("list.search")} htmlFor="list-search">
              <Input
                id="list-search"
                allowClear
                prefix={<SearchOutlined aria-hidden />}
                placeholder={config.searchPlaceholder ?? t("list.searchPlaceholder")}
                onPressEnter={flush}
                type="search"
              />
            </Form.Item>
          </Col>
          {narrow && filters.length > 0 && (
            <Col xs={24}>
              <Button
                icon={<FilterOutlined aria-hidden />}
                aria-expanded={showFilters}
                onClick={() => setFiltersOpen(!showFilters)}
                style={{ marginBottom: 12 }}
              >
                {t("list.filters", { count: activeFilters })}
              </Button>
            </Col>
          )}
          {(showFilters ? filters : []).map((f) => (
            <Col key={f.name} xs={12} md={6} xl={4}>
              <Form.Item name={f.name} label={f.label} htmlFor={`filter-${f.name}`}>
                {renderFilter(f, t("list.any"))}
              </Form.Item>
            </Col>
          ))}
          <Col flex="auto">
            <Form.Item label={<span className="sr-only">{t("list.actions")}</span>}>
              <Flex gap={8} wrap justify="flex-end">
                {hasFilters && (
                  <Button icon={<ClearOutlined aria-hidden />} onClick={clearFilters}>
                    {t("list.clearFilters")}
                  </Button>
                )}
                {config.exportEndpoint && (
                  <>
                    <Tooltip title={t("list.exportHint")}>
                      <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting === "xlsx"} disabled={!!exporting} onClick={() => exportAs("xlsx")}>
                        {t("list.exportXlsx")}
                      </Button>
                    </Tooltip>
                    <Button icon={<FileTextOutlined aria-hidden />} loading={exporting === "csv"} disabled={!!exporting} onClick={() => exportAs("csv")}>
                      {t("list.exportCsv")}
                    </Button>
                  </>
                )}
                {optional.length > 0 && (
                  <Popover
                    trigger="click"
                    placement="bottomRight"
                    title={t("list.columnsTitle")}
                    content={
                      <Checkbox.Group
                        value={shown}
                        onChange={(v) => setShown(v.map(String))}
                        options={optional.map((c) => ({ value: columnId(c), label: String(c.title) }))}
                        style={{ display: "flex", flexDirection: "column", gap: 4 }}
                      />
                    }
                  >
                    <Button icon={<InsertRowRightOutlined aria-hidden />}>{t("list.columns")}</Button>
                  </Popover>
                )}
                {config.actions}
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Form>

      {list.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        </div>
      )}

      <Table<T>
        rowKey={config.rowKey}
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching || drawing}
        onChange={onTableChange}
        expandable={config.expandable}
        // a list with a column chooser wraps its texts to the screen's width (its key columns fit 1366 px); on a phone
        // every list scrolls sideways
        scroll={config.scrollX === false || (optional.length > 0 && !narrow) ? undefined : { x: "max-content" }}
        size="middle"
        className="list-table"
        rowClassName={config.rowHref ? "clickable-row" : undefined}
        onRow={(row) =>
          config.rowHref
            ? {
                onClick: (e) => {
                  if ((e.target as HTMLElement).closest("a,button,input,.ant-table-row-expand-icon")) return;
                  void navigate(config.rowHref!(row));
                },
              }
            : {}
        }
        locale={{
          emptyText:
            list.isPending || drawing ? (
              <span />
            ) : (
              <EmptyState
                description={hasFilters ? t("states.noMatch") : t("states.empty")}
                action={hasFilters && <Button onClick={clearFilters}>{t("list.clearFilters")}</Button>}
              />
            ),
        }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total, [from, to]) => t("list.range", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) }),
        }}
      />
    </Card>
  );
}

function renderFilter(f: FilterDef, any: string) {
  const id = `filter-${f.name}`;
  switch (f.kind) {
    case "code":
      return <CodeSelect id={id} list={f.list!} level={f.level} extra={f.options} placeholder={f.placeholder ?? any} />;
    case "options":
      return <Select id={id} allowClear options={f.options} placeholder={f.placeholder ?? any} />;
    case "organisation":
      return <OrganisationSelect id={id} placeholder={f.placeholder ?? any} />;
    case "person":
      return <PersonSelect id={id} placeholder={f.placeholder ?? any} />;
    case "year":
      return <InputNumber id={id} min={1900} max={2100} controls={false} style={{ width: "100%" }} placeholder={f.placeholder} />;
    case "date":
      return <DatePicker id={id} format={DATE_FORMAT} style={{ width: "100%" }} placeholder={f.placeholder} />;
    default:
      return <Input id={id} allowClear placeholder={f.placeholder} />;
  }
}
