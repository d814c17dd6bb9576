// One council: rule set and quorum, subjects (with the results and ranking after conclusion), members with the
// conflict-of-interest check shown before adding, attendance, and the lifecycle actions its abilities allow. Each
// section lives in `sections/`, each command's dialog in `dialogs/` (on the shared CommandDialog); the endpoints and
// query keys in `councils-api.ts`.
import { useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Council } from "../../../common/api/council";
import { formatDateTime } from "../../app/format";
import { RecordView } from "../../components/RecordView";
import { PageHelp } from "../guide/PageHelp";
import { CouncilStatusTag } from "./council-ui";
import { councilQuery } from "./councils-api";
import { CouncilActions } from "./sections/CouncilActions";
import { GeneralSection, MembershipNotice, QuorumSection } from "./sections/GeneralSection";
import { MembersSection } from "./sections/MembersSection";
import { SubjectsSection } from "./sections/SubjectsSection";

export function CouncilDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const q = useQuery(councilQuery(id));
  return (
    <RecordView<Council>
      query={q}
      back="/councils"
      resource="councils"
      title={(c) => c.title}
      subtitle={(c) => (
        <Space>
          <CouncilStatusTag status={c.status} />
          <Tag>{t(`councils.kind.${c.kind}`)}</Tag>
        </Space>
      )}
      actions={(c) => (
        <>
          <CouncilActions council={c} />
          <PageHelp topic="council" />
        </>
      )}
    >
      {(c) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <MembershipNotice council={c} />
          <GeneralSection council={c} />
          {c.members.length > 0 && <QuorumSection council={c} />}
          <SubjectsSection council={c} />
          {(c.members.length > 0 || c.abilities.members) && <MembersSection council={c} />}
          <div className="record-meta">
            {t("record.meta", { created: formatDateTime(c.createdAt), updated: formatDateTime(c.updatedAt), version: c.version })}
          </div>
        </Space>
      )}
    </RecordView>
  );
}
