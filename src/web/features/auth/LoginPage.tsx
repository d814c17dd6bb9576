// Sign-in: username and password, then the second factor when the account needs one — a code from the
// authenticator app ("verify"), or enrolment first ("setup": the secret and otpauth URI shown as text).
import { useState, type ReactNode } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { Alert, Button, Card, Flex, Form, Input, Spin, Typography } from "antd";
import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../app/api";
import { ME_KEY, useSession, type Me } from "../../app/session";
import { LanguageSwitch } from "../../app/LanguageSwitch";

export function LoginPage() {
  const { t } = useTranslation();
  const { me, loading } = useSession();
  const [sp] = useSearchParams();
  const next = safeNext(sp.get("next"));

  if (loading) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" description={t("common.loading")} />
      </Flex>
    );
  }
  if (me && me.mfa === "none") return <Navigate to={next} replace />;

  return (
    <div className="login-page">
      <div className="login-aside" aria-hidden>
        <div className="login-aside-inner">
          <div className="brand-mark brand-mark-lg">KH</div>
          <Typography.Title level={2} className="login-aside-title">
            {t("app.department")}
          </Typography.Title>
          <Typography.Paragraph className="login-aside-text">{t("auth.tagline")}</Typography.Paragraph>
        </div>
      </div>
      <main className="login-main">
        <Flex justify="flex-end" className="login-lang">
          <LanguageSwitch />
        </Flex>
        <Card className="login-card">
          <Typography.Title level={1} className="login-title">
            {t("auth.signInTitle")}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("app.name")}</Typography.Paragraph>
          {me && me.mfa === "verify" ? <TotpVerify next={next} /> : me && me.mfa === "setup" ? <TotpSetup next={next} /> : <Credentials next={next} />}
        </Card>
        <Typography.Paragraph className="login-public-link" style={{ textAlign: "center", marginTop: 16 }}>
          <Link to="/results">{t("results.public.link")}</Link>
          {" · "}
          <Link to="/public/indicators">{t("publicIndicators.link")}</Link>
        </Typography.Paragraph>
      </main>
    </div>
  );
}

function safeNext(v: string | null): string {
  return v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/login") ? v : "/";
}

function Credentials({ next }: { next: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>("/auth/login", { username: v.username.trim(), password: v.password });
      qc.setQueryData(ME_KEY, me);
      if (me.mfa === "none") void navigate(next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="username" label={t("auth.username")} rules={[{ required: true, message: t("validation.required") }]}>
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t("auth.password")} rules={[{ required: true, message: t("validation.required") }]}>
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t("auth.signIn")}
      </Button>
    </Form>
  );
}

function CodeForm({ next, intro }: { next: string; intro: ReactNode }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post("/auth/totp/verify", { code: v.code.trim() });
      await qc.invalidateQueries({ queryKey: ME_KEY });
      void navigate(next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const cancel = async () => {
    await api.post("/auth/logout").catch(() => undefined);
    qc.setQueryData(ME_KEY, null);
  };

  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
      {intro}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="code"
        label={t("auth.totpCode")}
        rules={[
          { required: true, message: t("validation.required") },
          { pattern: /^\s*\d{6}\s*$/, message: t("auth.totpCodeFormat") },
        ]}
      >
        <Input prefix={<SafetyOutlined aria-hidden />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
      </Form.Item>
      <Flex gap={8} vertical>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t("auth.verify")}
        </Button>
        <Button type="link" onClick={cancel}>
          {t("auth.useAnotherAccount")}
        </Button>
      </Flex>
    </Form>
  );
}

function TotpVerify({ next }: { next: string }) {
  const { t } = useTranslation();
  return <CodeForm next={next} intro={<Typography.Paragraph>{t("auth.totpVerifyIntro")}</Typography.Paragraph>} />;
}

function TotpSetup({ next }: { next: string }) {
  const { t } = useTranslation();
  // One enrolment secret per visit (a query de-duplicates the request, also under React's strict mode).
  const q = useQuery({
    queryKey: ["auth", "totp-setup"],
    queryFn: () => api.post<{ secret: string; uri: string }>("/auth/totp/setup"),
    staleTime: Infinity,
    retry: false,
  });
  if (q.isError) return <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />;
  if (!q.data) return <Spin description={t("common.loading")} />;
  const setup = q.data;
  return (
    <CodeForm
      next={next}
      intro={
        <>
          <Typography.Paragraph>{t("auth.totpSetupIntro")}</Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text strong>{t("auth.totpSecret")}: </Typography.Text>
            <Typography.Text code copyable>
              {setup.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text strong>{t("auth.totpUri")}: </Typography.Text>
            <Typography.Text code copyable className="break-all">
              {setup.uri}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      }
    />
  );
}
