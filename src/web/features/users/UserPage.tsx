// One account (admin): create, or edit roles and links, and the account commands the record allows —
// disable / enable, unlock, reset password, reset the second factor.
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, Modal, Row, Space, Tag } from "antd";
import { KeyOutlined, LockOutlined, SafetyOutlined, StopOutlined, UnlockOutlined, CheckCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { ROLES } from "../../../common/roles";
import { userInput, type User } from "../../../common/api/user";
import { api, errorMessage } from "../../app/api";
import { formatDateTime } from "../../app/format";
import { cleanValues, rules } from "../../components/form-rules";
import { RecordForm, type CompareField } from "../../components/RecordForm";
import { OrganisationName, OrganisationSelect, PersonName, PersonSelect } from "../../components/entity-select";
import { PageHeader, RecordLoading } from "../../components/states";

interface UserValues {
  username?: string;
  password?: string;
  displayName: string;
  email?: string | null;
  roles: string[];
  personId?: string | null;
  organisationId?: string | null;
}

const shape = userInput.shape;

const toValues = (u: User): UserValues => ({
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  personId: u.personId,
  organisationId: u.organisationId,
});

function compareFields(t: TFunction): CompareField[] {
  return [
    { name: "displayName", label: t("users.fields.displayName") },
    { name: "email", label: t("users.fields.email") },
    { name: "roles", label: t("users.fields.roles"), display: (v) => (v as string[]).map((r) => t(`roles.${r}`)).join(", ") },
    { name: "personId", label: t("users.fields.person"), display: (v) => <PersonName id={v as string} /> },
    { name: "organisationId", label: t("users.fields.organisation"), display: (v) => <OrganisationName id={v as string} /> },
  ];
}

export function UserPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<UserValues>();
  const q = useQuery({ queryKey: ["users", "one", id], queryFn: () => api.get<User>(`/users/${id}`), enabled: !!id });

  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("users.edit")} back="/admin/users" query={q} />;
  const user = id ? q.data : undefined;
  return (
    <>
      <PageHeader
        back="/admin/users"
        title={user ? user.displayName : t("users.create")}
        subtitle={user ? `@${user.username}` : undefined}
        extra={user && <UserCommands user={user} />}
      />
      {user && <UserStatus user={user} />}
      <RecordForm<User, UserValues>
        key={user?.id ?? "new"}
        form={form}
        record={user}
        initialValues={{ roles: [] }}
        toValues={toValues}
        toBody={(v) => cleanValues(v as unknown as Record<string, unknown>)}
        create={(body) => api.post<User>("/users", body)}
        update={(uid, body) => api.put<User>(`/users/${uid}`, body)}
        compare={compareFields(t)}
        resource="users"
        onSaved={(u) => navigate(`/admin/users/${u.id}`, { replace: true })}
        onCancel={() => navigate("/admin/users")}
      >
        <Card title={t("users.sections.account")} className="form-section">
          <Row gutter={16}>
            {!user && (
              <>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="username"
                    label={t("users.fields.username")}
                    rules={rules(shape, "username", true, t("users.fields.username"))}
                    extra={t("users.usernameHint")}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="password"
                    label={t("users.fields.password")}
                    rules={rules(shape, "password", true, t("users.fields.password"))}
                    extra={t("auth.passwordRules")}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="displayName" label={t("users.fields.displayName")} rules={rules(shape, "displayName", true, t("users.fields.displayName"))}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="email" label={t("users.fields.email")} rules={rules(shape, "email", false, t("users.fields.email"))}>
                <Input type="email" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="roles" label={t("users.fields.roles")} rules={rules(shape, "roles", true, t("users.fields.roles"))}>
                <RoleBoxes label={t("users.fields.roles")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="personId"
                label={t("users.fields.person")}
                rules={rules(shape, "personId", false, t("users.fields.person"))}
                extra={t("users.personHint")}
              >
                <PersonSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="organisationId"
                label={t("users.fields.organisation")}
                rules={rules(shape, "organisationId")}
                extra={t("users.organisationHint")}
              >
                <OrganisationSelect />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      </RecordForm>
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Card className="form-section">
      {user.status === "disabled" && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("users.disabledBanner")} description={user.disabledReason ?? undefined} />
      )}
      {user.locked && (
        <Alert
          type="error"
          showIcon
          icon={<LockOutlined aria-hidden />}
          style={{ marginBottom: 12 }}
          title={t("users.lockedBanner", { until: formatDateTime(user.lockedUntil) })}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: "status",
            label: t("users.fields.status"),
            children: <Tag color={user.status === "active" ? "green" : "default"}>{t(`users.status.${user.status}`)}</Tag>,
          },
          { key: "totp", label: t("users.fields.totp"), children: user.totpEnabled ? t("users.totpOn") : t("users.totpOff") },
          { key: "last", label: t("users.fields.lastLoginAt"), children: formatDateTime(user.lastLoginAt) || "—" },
          { key: "failed", label: t("users.fields.failedLogins"), children: user.failedLogins },
          { key: "pwd", label: t("users.fields.passwordChangedAt"), children: formatDateTime(user.passwordChangedAt) },
          { key: "created", label: t("common.createdAt"), children: formatDateTime(user.createdAt) },
        ]}
      />
    </Card>
  );
}

/** Account commands; each one shown only when the record's abilities allow it. */
function UserCommands({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<"disable" | "password" | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason?: string; newPassword?: string }>();
  const [error, setError] = useState<string | null>(null);
  const a = user.abilities;

  const run = async (name: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(name);
    setError(null);
    try {
      await fn();
      message.success(done);
      setDialog(null);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ["users"] });
    } catch (e) {
      if (dialog) setError(errorMessage(e));
      else message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const confirm = (title: string, onOk: () => Promise<unknown>) => modal.confirm({ title, okText: t("common.confirm"), cancelText: t("common.cancel"), onOk });

  return (
    <>
      <Space wrap>
        {a.unlock && user.locked && (
          <Button
            icon={<UnlockOutlined aria-hidden />}
            loading={busy === "unlock"}
            onClick={() => run("unlock", () => api.post(`/users/${user.id}/unlock`), t("users.unlocked"))}
          >
            {t("users.unlock")}
          </Button>
        )}
        {a.resetPassword && (
          <Button icon={<KeyOutlined aria-hidden />} onClick={() => setDialog("password")}>
            {t("users.resetPassword")}
          </Button>
        )}
        {a.resetTotp && user.totpEnabled && (
          <Button
            icon={<SafetyOutlined aria-hidden />}
            onClick={() => confirm(t("users.resetTotpConfirm"), () => run("totp", () => api.post(`/users/${user.id}/reset-totp`), t("users.totpReset")))}
          >
            {t("users.resetTotp")}
          </Button>
        )}
        {a.enable && user.status === "disabled" && (
          <Button
            icon={<CheckCircleOutlined aria-hidden />}
            loading={busy === "enable"}
            onClick={() => run("enable", () => api.post(`/users/${user.id}/enable`, { version: user.version }), t("users.enabled"))}
          >
            {t("users.enable")}
          </Button>
        )}
        {a.disable && user.status === "active" && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("disable")}>
            {t("users.disable")}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog === "disable" ? t("users.disableTitle", { name: user.username }) : t("users.resetPasswordTitle", { name: user.username })}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: dialog === "disable", loading: busy !== null }}
        destroyOnHidden
        onCancel={() => {
          setDialog(null);
          setError(null);
        }}
        onOk={async () => {
          const v = await form.validateFields();
          if (dialog === "disable")
            await run("disable", () => api.post(`/users/${user.id}/disable`, { reason: v.reason, version: user.version }), t("users.disabled"));
          else await run("password", () => api.post(`/users/${user.id}/reset-password`, { newPassword: v.newPassword }), t("users.passwordReset"));
        }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === "disable" ? (
            <Form.Item name="reason" label={t("users.disableReason")} rules={[{ required: true, whitespace: true, message: t("validation.required") }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          ) : (
            <Form.Item
              name="newPassword"
              label={t("auth.newPassword")}
              extra={t("auth.passwordRules")}
              rules={[
                { required: true, message: t("validation.required") },
                { min: 8, message: t("auth.passwordTooShort") },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/**
 * The role check boxes as a named group. The form field hands its control `aria-required`, which a group may not
 * carry (the required mark and the error message say it); the rest goes to the group.
 */
function RoleBoxes({
  label,
  options,
  id,
  value,
  onChange,
  "aria-describedby": describedBy,
}: {
  label: string;
  options: { value: string; label: string }[];
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  "aria-describedby"?: string;
}) {
  return (
    <div role="group" id={id} aria-label={label} aria-describedby={describedBy}>
      <Checkbox.Group value={value} onChange={(v) => onChange?.(v.map(String))} options={options} />
    </div>
  );
}
