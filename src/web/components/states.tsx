// Page header and the loading / error / empty states every page uses.
import type { ReactNode } from "react";
import { Alert, Button, Card, Empty, Flex, Result, Skeleton, Typography } from "antd";
import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, errorMessage } from "../app/api";

/**
 * The page's header with its one <h1> (the tab's title and the focus after a navigation come from it, app/page-heading.ts).
 * `loading`: the title stands in while the page's record loads (focus waits for the real one).
 */
export function PageHeader({
  title,
  subtitle,
  extra,
  back,
  loading,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  back?: string;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" wrap gap={12}>
      <div style={{ minWidth: 0 }}>
        {back && (
          <Link to={back} className="page-back">
            <ArrowLeftOutlined aria-hidden /> {t("common.back")}
          </Link>
        )}
        <Typography.Title level={1} style={{ margin: 0 }} data-loading={loading || undefined}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

export function LoadingState({ rows = 6 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-label={t("common.loading")}>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

/** An error with its server message and a retry button; 404 and 403 get their own wording. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t("states.notFoundTitle")} subTitle={error.message} extra={<Link to="/">{t("states.goHome")}</Link>} />;
  }
  if (error instanceof ApiError && error.status === 403) {
    return <Result status="403" title={t("states.forbiddenTitle")} subTitle={error.message} extra={<Link to="/">{t("states.goHome")}</Link>} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t("states.errorTitle")}
      description={errorMessage(error)}
      action={
        onRetry && (
          <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    />
  );
}

/** An edit page while its record loads, or after loading failed: the page header, then a skeleton or the error. */
export function RecordLoading({
  title,
  back,
  query,
  rows = 8,
}: {
  title: ReactNode;
  back?: string;
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  rows?: number;
}) {
  return (
    <>
      <PageHeader title={title} back={back} loading={!query.isError} />
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Card>
          <LoadingState rows={rows} />
        </Card>
      )}
    </>
  );
}

export function EmptyState({ description, action }: { description?: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t("states.empty")}>
      {action}
    </Empty>
  );
}

/** A whole page's state: its title is the page's <h1>. */
const PageTitle = ({ children }: { children: ReactNode }) => <h1 className="result-page-title">{children}</h1>;

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<PageTitle>{t("states.forbiddenTitle")}</PageTitle>}
      subTitle={t("states.forbiddenText")}
      extra={<Link to="/">{t("states.goHome")}</Link>}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<PageTitle>{t("states.notFoundTitle")}</PageTitle>}
      subTitle={t("states.notFoundText")}
      extra={<Link to="/">{t("states.goHome")}</Link>}
    />
  );
}
