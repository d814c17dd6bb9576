// THE record pattern, read side: load a record, show loading / error / not-found states, a header with the
// actions the record's `abilities` allow, and the record's sections.
import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Popconfirm } from "antd";
import type { DescriptionsProps } from "antd";
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../app/api";
import { ErrorState, LoadingState, PageHeader } from "./states";

export interface RecordViewProps<R> {
  query: UseQueryResult<R>;
  back: string;
  title: (r: R) => ReactNode;
  subtitle?: (r: R) => ReactNode;
  /** link to the edit page, shown when the record allows it */
  editHref?: (r: R) => string | null;
  /** deletes the record (shown when the record allows it); then goes back to the list */
  onDelete?: (r: R) => Promise<unknown>;
  canDelete?: (r: R) => boolean;
  /** further actions */
  actions?: (r: R) => ReactNode;
  children: (r: R) => ReactNode;
  /** query keys to drop after a delete */
  resource?: string;
}

export function RecordView<R>(props: RecordViewProps<R>) {
  const { t } = useTranslation();
  const { query } = props;
  const navigate = useNavigate();
  if (query.isPending) {
    return (
      <>
        <PageHeader title={t("common.loading")} back={props.back} loading />
        <Card>
          <LoadingState rows={8} />
        </Card>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title={t("states.errorTitle")} back={props.back} />
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  const r = query.data as R;
  const edit = props.editHref?.(r);
  return (
    <>
      <PageHeader
        back={props.back}
        title={props.title(r)}
        subtitle={props.subtitle?.(r)}
        extra={
          <>
            {props.actions?.(r)}
            {edit && (
              <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => navigate(edit)}>
                {t("common.edit")}
              </Button>
            )}
            {props.onDelete && props.canDelete?.(r) && <DeleteRecordButton record={r} onDelete={props.onDelete} back={props.back} resource={props.resource} />}
          </>
        }
      />
      {props.children(r)}
    </>
  );
}

function DeleteRecordButton<R>({ record, onDelete, back, resource }: { record: R; onDelete: (r: R) => Promise<unknown>; back: string; resource?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const del = useMutation({
    mutationFn: () => onDelete(record),
    onSuccess: () => {
      message.success(t("record.deleted"));
      if (resource) void qc.invalidateQueries({ queryKey: [resource] });
      void navigate(back);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Popconfirm
      title={t("record.deleteConfirm")}
      okText={t("common.delete")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true }}
      onConfirm={() => del.mutateAsync()}
    >
      <Button danger icon={<DeleteOutlined aria-hidden />} loading={del.isPending}>
        {t("common.delete")}
      </Button>
    </Popconfirm>
  );
}

/** A titled section of label/value pairs; empty values show a dash. */
export function Section({
  title,
  items,
  column,
  extra,
}: {
  title: ReactNode;
  items: DescriptionsProps["items"];
  column?: DescriptionsProps["column"];
  extra?: ReactNode;
}) {
  const filled = (items ?? []).map((i) => ({
    ...i,
    children: i.children === null || i.children === undefined || i.children === "" || i.children === false ? <span className="muted">—</span> : i.children,
  }));
  return (
    <Card title={title} extra={extra} className="record-section">
      <Descriptions column={column ?? { xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }} items={filled} size="small" />
    </Card>
  );
}
