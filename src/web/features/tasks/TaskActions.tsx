// The workflow actions the task's `abilities.actions` offer: one button each, opening the action's dialog
// (`dialogs/TaskActionDialog`, on the shared CommandDialog).
import { useState } from "react";
import { Button } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Task, TaskActionOut } from "../../../common/api/task";
import { DANGER, TaskActionDialog } from "./dialogs/TaskActionDialog";

export function TaskActions({ task }: { task: Task }) {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState<TaskActionOut | null>(null);
  const en = i18n.language === "en";
  return (
    <>
      {task.abilities.actions.map((a) => (
        <Button
          key={a.action}
          type={DANGER.has(a.action) ? "default" : "primary"}
          danger={DANGER.has(a.action)}
          icon={<ArrowRightOutlined aria-hidden />}
          onClick={() => setOpen(a)}
        >
          {en ? a.labelEn : a.labelVi}
        </Button>
      ))}
      {open && <TaskActionDialog task={task} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}
