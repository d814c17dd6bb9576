// The workflow actions the task's `abilities.actions` offer: one button each, opening the action's dialog
// (`dialogs/TaskActionDialog`, on the shared CommandDialog). An action whose checks fail now (a required document, a
// guard: no council formed yet, the two-person rule…) is shown disabled, and `TaskBlockers` says why — with the next
// step where the page can offer it ("Lập hội đồng" for a council step without its council).
import { useState } from "react";
import { Alert, Button, Tooltip } from "antd";
import { ArrowRightOutlined, TeamOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Task, TaskActionOut } from "../../../common/api/task";
import { useSession } from "../../app/session";
import { councilAccess } from "../councils/council-ui";
import { CreateCouncilDialog } from "../councils/dialogs/CreateCouncilDialog";
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
  const [forming, setForming] = useState(false);
  const en = i18n.language === "en";
  const blocked = task.abilities.actions.filter((a) => a.blocked);
  if (!blocked.length) return null;
  const council = blocked.map((a) => a.blocked!.next).find((n) => n?.kind === "form_council");
  // One reason said once: several actions blocked by the same missing council share it.
  const reasons = [...new Map(blocked.map((a) => [a.blocked!.message, a])).values()];
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
          council &&
          councilAccess.create(me) && (
            <Button type="primary" icon={<TeamOutlined aria-hidden />} onClick={() => setForming(true)}>
              {t("tasks.blocked.formCouncil")}
            </Button>
          )
        }
      />
      {forming && council && (
        <CreateCouncilDialog
          preset={{ kind: council.councilKind, task: { id: task.id, code: task.code, titleVi: task.titleVi } }}
          onClose={() => setForming(false)}
        />
      )}
    </>
  );
}
