// The "Trợ giúp" button of a page's header: a drawer with the rules of that page in short (the funding plan, a
// statistical report, a council), from the guide's texts (content/<lang>.ts), with where the rules come from.
import { useState } from "react";
import "./guide.css";
import { Link } from "react-router";
import { Button, Drawer, Typography } from "antd";
import { QuestionCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../../components/states";
import type { HelpTopic } from "./content/types";
import { GuideText, useGuideTexts } from "./guide-texts";

export function PageHelp({ topic }: { topic: HelpTopic }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<QuestionCircleOutlined aria-hidden />} onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t("guide.help.open")}
      </Button>
      {open && <HelpDrawer topic={topic} onClose={() => setOpen(false)} />}
    </>
  );
}

function HelpDrawer({ topic, onClose }: { topic: HelpTopic; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useGuideTexts();
  const help = q.data?.help[topic];
  return (
    <Drawer open onClose={onClose} size={520} title={help?.title ?? t("guide.help.open")} className="page-help">
      {!help ? (
        <LoadingState rows={8} />
      ) : (
        <>
          {help.sections.map((s) => (
            <section key={s.heading}>
              <Typography.Title level={2} className="page-help-heading">
                {s.heading}
              </Typography.Title>
              <ul>
                {s.points.map((p) => (
                  <li key={p}>
                    <GuideText text={p} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Typography.Paragraph type="secondary">
            {t("guide.help.sources")}: {help.sources.join("; ")}
          </Typography.Paragraph>
          <Link to="/guide" onClick={onClose}>
            {t("guide.help.moreInGuide")}
          </Link>
        </>
      )}
    </Drawer>
  );
}
