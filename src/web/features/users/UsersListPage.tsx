// Accounts (admin): search, filter by role and status, sort.
import { useMemo } from "react";
import { Link, useNavigate } from "react-router";
import { Button, Tag } from "antd";
import { LockOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../common/roles";
import type { UserSummary } from "../../../common/api/user";
import { formatDateTime } from "../../app/format";
import { ListView, type ListConfig } from "../../components/ListView";
import { PageHeader } from "../../components/states";

export function UsersListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const config = useMemo<ListConfig<UserSummary>>(
    () => ({
      resource: "users",
      endpoint: "/users",
      rowKey: (u) => u.id,
      rowHref: (u) => `/admin/users/${u.id}`,
      searchLabel: t("users.search"),
      searchPlaceholder: t("users.searchPlaceholder"),
      filters: [
        { name: "role", label: t("users.fields.roles"), kind: "options", options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
        {
          name: "status",
          label: t("users.fields.status"),
          kind: "options",
          options: ["active", "disabled", "locked"].map((s) => ({ value: s, label: t(`users.status.${s}`) })),
        },
      ],
      columns: [
        {
          title: t("users.fields.username"),
          dataIndex: "username",
          sortKey: "username",
          render: (_, u) => <Link to={`/admin/users/${u.id}`}>{u.username}</Link>,
        },
        { title: t("users.fields.displayName"), dataIndex: "displayName", sortKey: "displayName" },
        {
          title: t("users.fields.roles"),
          dataIndex: "roles",
          render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
        },
        {
          title: t("users.fields.status"),
          dataIndex: "status",
          render: (_, u) => (
            <>
              <Tag color={u.status === "active" ? "green" : "default"}>{t(`users.status.${u.status}`)}</Tag>
              {u.lockedUntil && new Date(u.lockedUntil) > new Date() && (
                <Tag color="red" icon={<LockOutlined aria-hidden />}>
                  {t("users.status.locked")}
                </Tag>
              )}
            </>
          ),
        },
        { title: t("users.fields.links"), key: "links", render: (_, u) => [u.personName, u.organisationName].filter(Boolean).join(" · ") },
        { title: t("users.fields.lastLoginAt"), dataIndex: "lastLoginAt", sortKey: "lastLoginAt", render: (d) => formatDateTime(d) },
      ],
      actions: (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/admin/users/new")}>
          {t("users.create")}
        </Button>
      ),
    }),
    [t, navigate],
  );
  return (
    <>
      <PageHeader title={t("users.title")} subtitle={t("users.subtitle")} />
      <ListView config={config} />
    </>
  );
}
