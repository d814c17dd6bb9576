// The workflow actions the task's `abilities.actions` offer: one button each, opening the action's dialog
// (`dialogs/TaskActionDialog`, on the shared CommandDialog). An action whose checks fail now (a required document, a
// guard: no council formed yet, the two-person rule…) is shown disabled, and `TaskBlockers` says why — with the next
// step where the page can offer it ("Lập hội đồng" for a council step without its council, "Lập hợp đồng" or the
// drafted contract for the contract step).
import { useState } from "react";
import { Alert, Button, Tooltip } from "antd";
import { ArrowRightOutlined, FileDoneOutlined, TeamOutlined } from "@ant-design/icons";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import type { Task, TaskActionOut } from "../../../common/api/task";
import { useSession } from "../../app/session";
import { councilAccess } from "../councils/council-ui";
import { CreateCouncilDialog } from "../councils/dialogs/CreateCouncilDialog";
import { CreateContractDialog } from "../contracts/dialogs/CreateContractDialog";
import { DANGER, TaskActionDialog } from "./dialogs/TaskActionDialog";

export function TaskActions({ task }: { task: Task }) {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState<TaskActionOut | null>(null);
  const en = i18n.language === "en";
  return (
    <>
      {task.abilities.actions.map((a) => {
        const button = (
          <Button
            key={a.action}
            type={DANGER.has(a.action) ? "default" : "primary"}
            danger={DANGER.has(a.action)}
            icon={<ArrowRightOutlined aria-hidden />}
            disabled={!!a.blocked}
            onClick={() => setOpen(a)}
          >
            {en ? a.labelEn : a.labelVi}
          </Button>
        );
        return a.blocked ? (
          <Tooltip key={a.action} title={a.blocked.message}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {open && <TaskActionDialog task={task} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** Why the offered actions cannot run yet, each with its next step when the page can offer it. */
export function TaskBlockers({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [forming, setForming] = useState<"council" | "contract" | null>(null);
  const en = i18n.language === "en";
  const blocked = task.abilities.actions.filter((a) => a.blocked);
  if (!blocked.length) return null;
  const nexts = blocked.map((a) => a.blocked!.next);
  const council = nexts.find((n) => n?.kind === "form_council");
  const draft = nexts.find((n) => n?.kind === "draft_contract");
  const contract = nexts.find((n) => n?.kind === "open_contract");
  // One reason said once: several actions blocked by the same missing council share it.
  const reasons = [...new Map(blocked.map((a) => [a.blocked!.message, a])).values()];
  const preset = { id: task.id, code: task.code, titleVi: task.titleVi };
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t("tasks.blocked.title")}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {reasons.map((a) => (
              <li key={a.action}>
                <strong>{en ? a.labelEn : a.labelVi}</strong>: {a.blocked!.message}
              </li>
            ))}
          </ul>
        }
        action={
          council && councilAccess.create(me) ? (
            <Button type="primary" icon={<TeamOutlined aria-hidden />} onClick={() => setForming("council")}>
              {t("tasks.blocked.formCouncil")}
            </Button>
          ) : draft && me?.can?.contract?.create ? (
            <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setForming("contract")}>
              {t("tasks.blocked.draftContract")}
            </Button>
          ) : contract ? (
            <Link to={`/contracts/${contract.contractId}`}>{t("tasks.blocked.openContract", { number: contract.number })}</Link>
          ) : null
        }
      />
      {forming === "council" && council && <CreateCouncilDialog preset={{ kind: council.councilKind, task: preset }} onClose={() => setForming(null)} />}
      {forming === "contract" && <CreateContractDialog task={preset} onClose={() => setForming(null)} onCreated={(c) => navigate(`/contracts/${c.id}`)} />}
    </>
  );
}
