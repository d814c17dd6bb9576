// The user guide: a tab per role (the signed-in user's own roles first, marked), each with what the home page "Việc
// của tôi" shows that role, a screenshot of it made by the browser test, and the things the role does most, step by
// step, naming the menu items and buttons by their labels in the app (guide-tour.ts, content/<lang>.ts).
import { Link, useNavigate, useParams } from "react-router";
import "./guide.css";
import { Alert, Card, Col, Row, Space, Tabs, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { ErrorState, LoadingState, NotFoundPage, PageHeader } from "../../components/states";
import type { RoleTexts } from "./content/types";
import { GUIDE_ROLES, GUIDE_TOUR, SCREENSHOT_BASE, type GuideRole } from "./guide-tour";
import { GuideText, useGuideTexts } from "./guide-texts";
import { useNarrowerThan } from "../../app/media";

const isGuideRole = (r: string | undefined): r is GuideRole => (GUIDE_ROLES as readonly string[]).includes(r ?? "");

export function GuidePage() {
  const wide = !useNarrowerThan("md");
  const { role } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const q = useGuideTexts();

  if (role !== undefined && !isGuideRole(role)) return <NotFoundPage />;
  const mine = GUIDE_ROLES.filter((r) => me?.roles.includes(r));
  const order = [...mine, ...GUIDE_ROLES.filter((r) => !mine.includes(r))];
  const active = role ?? order[0];

  return (
    <>
      <PageHeader title={t("guide.title")} subtitle={t("guide.subtitle")} />
      {q.isPending ? (
        <LoadingState rows={10} />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Tabs
          // beside the guide rather than above it: eight roles never overflow into a "more" menu (which is not a tab)
          tabPosition={wide ? "left" : "top"}
          activeKey={active}
          onChange={(k) => void navigate(`/guide/${k}`)}
          items={order.map((r) => ({
            key: r,
            label: mine.includes(r) ? `${t(`roles.${r}`)} (${t("guide.yours")})` : t(`roles.${r}`),
            children: <RoleGuide role={r} texts={q.data.roles[r]} />,
          }))}
        />
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 16 }}
        title={t("guide.pageHelp")}
        description={t("guide.pageHelpText", { button: t("guide.help.open") })}
      />
    </>
  );
}

function RoleGuide({ role, texts }: { role: GuideRole; texts: RoleTexts }) {
  const { t } = useTranslation();
  const tour = GUIDE_TOUR[role];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{texts.who}</Typography.Paragraph>
      <Card>
        <Typography.Title level={2} className="guide-heading">
          {t("guide.home")}
        </Typography.Title>
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={9}>
            <Typography.Paragraph>
              <GuideText text={texts.home} />
            </Typography.Paragraph>
          </Col>
          <Col xs={24} xl={15}>
            <figure className="guide-figure">
              <a href={`${SCREENSHOT_BASE}/${tour.screenshot}`} target="_blank" rel="noreferrer">
                <img src={`${SCREENSHOT_BASE}/${tour.screenshot}`} alt={texts.screenshotAlt} width={1366} height={768} loading="lazy" />
              </a>
              <figcaption>
                {t("guide.screenshot")}: {texts.screenshotAlt}
              </figcaption>
            </figure>
          </Col>
        </Row>
      </Card>
      <Typography.Title level={2} className="guide-heading">
        {t("guide.often")}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {tour.stops.map((stop) => {
          const s = texts.stops[stop.id];
          return (
            <Col key={stop.id} xs={24} lg={12}>
              <Card className="guide-stop" style={{ height: "100%" }}>
                <Typography.Title level={3} className="guide-stop-title">
                  {s.title}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{s.what}</Typography.Paragraph>
                <ol className="guide-steps">
                  {s.steps.map((step) => (
                    <li key={step}>
                      <GuideText text={step} />
                    </li>
                  ))}
                </ol>
                <Link to={stop.path}>
                  {t("guide.openPage", { page: t(stop.menu) })} <ArrowRightOutlined aria-hidden />
                </Link>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Space>
  );
}
