// The register of documents issued (sổ đăng ký văn bản đi, NĐ 30/2020 Phụ lục III): number and symbol, issue date,
// type and summary, signer, recipients and the signed scan — downloaded by staff and leaders, attached by staff.
import { useMemo, useState } from "react";
import { App, Button, Space, Typography, Upload } from "antd";
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { REGISTER_KINDS, type RegisterEntry } from "../../../common/api/register";
import { download, errorMessage, upload } from "../../app/api";
import { formatDate, formatDateTime } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";

const RESOURCE = "documentRegister";

export function RegisterPage() {
  const { t } = useTranslation();
  const config = useMemo<ListConfig<RegisterEntry>>(
    () => ({
      resource: RESOURCE,
      endpoint: "/document-register",
      rowKey: (e) => e.id,
      searchLabel: t("register.search"),
      searchPlaceholder: t("register.searchPlaceholder"),
      defaultPageSize: 50,
      filters: [
        { name: "year", label: t("register.fields.year"), kind: "year" },
        {
          name: "kind",
          label: t("register.fields.kind"),
          kind: "options",
          options: REGISTER_KINDS.map((k) => ({ value: k, label: t(`register.kinds.${k}`) })),
        },
      ],
      columns: [
        { title: t("register.fields.symbol"), dataIndex: "symbol", render: (s: string) => <strong>{s}</strong>, width: 150 },
        { title: t("register.fields.issuedOn"), dataIndex: "issuedOn", render: (d: string) => formatDate(d), width: 110 },
        {
          title: t("register.fields.summary"),
          key: "summary",
          render: (_, e) => (
            <>
              <div>{e.typeName}</div>
              <Typography.Text type="secondary">{e.summary}</Typography.Text>
            </>
          ),
        },
        { title: t("register.fields.signer"), dataIndex: "signer" },
        { title: t("register.fields.recipients"), dataIndex: "recipients" },
        { title: t("register.fields.signed"), key: "signed", render: (_, e) => <SignedScan entry={e} />, width: 220 },
      ],
    }),
    [t],
  );
  return (
    <>
      <PageHeader title={t("register.title")} subtitle={t("register.subtitle")} />
      <ListView config={config} />
    </>
  );
}

function SignedScan({ entry }: { entry: RegisterEntry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const attach = async (file: File) => {
    setBusy(true);
    try {
      await upload<RegisterEntry>(`/document-register/${entry.id}/signed`, file);
      message.success(t("register.attached", { symbol: entry.symbol }));
      await queryClient.invalidateQueries({ queryKey: [RESOURCE] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" size={4}>
      {entry.signed ? (
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined aria-hidden />}
          title={t("register.attachedAt", { at: formatDateTime(entry.signed.attachedAt) })}
          onClick={() => void download(`/document-register/${entry.id}/signed`, undefined, entry.signed!.fileName)}
        >
          {entry.signed.fileName}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t("register.notSigned")}</Typography.Text>
      )}
      {entry.abilities.attachSigned && (
        <Upload
          accept=".pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            void attach(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined aria-hidden />} loading={busy}>
            {entry.signed ? t("register.replace") : t("register.attach")}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
