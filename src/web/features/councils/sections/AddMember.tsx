// Adding a member: check first (the lines are shown and kept), then add; a conflict can be overridden only by a
// leader/admin with a reason. A refusal of the check or of the addition stays here, with the server's reasons.
import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Input, List, Select, Space, Typography } from "antd";
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ConflictCheck, Council } from "../../../../common/api/council";
import { COUNCIL_ROLES, type CouncilRole } from "../../../../common/councils/rules";
import { isVersionConflict } from "../../../components/CommandDialog";
import { PersonSelect } from "../../../components/entity-select";
import { RefusalAlert } from "../../../components/RefusalAlert";
import { councilsApi, useCouncilCommand } from "../councils-api";

export function AddMember({ council: c }: { council: Council }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [personId, setPersonId] = useState<string | null>(null);
  // the person chosen now, read when an earlier add answers
  const chosen = useRef<string | null>(null);
  useEffect(() => {
    chosen.current = personId;
  }, [personId]);
  const [role, setRole] = useState<CouncilRole>("member");
  const [reason, setReason] = useState("");
  const [check, setCheck] = useState<ConflictCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useMutation({
    mutationFn: () => councilsApi.conflictCheck(c.id, { personId: personId ?? "", role }),
    onMutate: () => setError(null),
    onSuccess: setCheck,
    onError: setError,
  });
  const add = useCouncilCommand(c.id);
  const en = i18n.language === "en";
  const reset = () => {
    setCheck(null);
    setReason("");
    setError(null);
  };
  const onAdd = () => {
    const added = personId;
    if (!added) return;
    setError(null);
    add
      .mutateAsync(() =>
        councilsApi.addMember(c.id, {
          version: c.version,
          personId: added,
          role,
          overrideReason: check?.conflict ? reason : null,
        }),
      )
      .then(() => {
        message.success(t("councils.done.addMember"));
        // clear the form for the next member, unless another person was chosen meanwhile
        if (chosen.current !== added) return;
        setPersonId(null);
        reset();
      }, setError);
  };
  return (
    <Space orientation="vertical" style={{ width: "100%", marginTop: 16 }}>
      <Typography.Title level={5}>{t("councils.addMember")}</Typography.Title>
      <Space wrap>
        <PersonSelect
          style={{ minWidth: 320 }}
          aria-label={t("councils.fields.person")}
          value={personId}
          onChange={(v: string) => {
            setPersonId(v);
            reset();
          }}
        />
        <Select<CouncilRole>
          style={{ minWidth: 220 }}
          aria-label={t("councils.fields.role")}
          value={role}
          onChange={(v) => {
            setRole(v);
            reset();
          }}
          options={COUNCIL_ROLES.map((r) => ({ value: r, label: t(`councils.role.${r}`) }))}
        />
        <Button icon={<SafetyCertificateOutlined aria-hidden />} disabled={!personId} loading={run.isPending} onClick={() => run.mutate()}>
          {t("councils.checkConflict")}
        </Button>
      </Space>
      {isVersionConflict(error) ? <Alert type="warning" showIcon role="alert" title={t("command.conflict")} /> : <RefusalAlert error={error} />}
      {check && (
        <Alert
          type={check.conflict ? "error" : check.lines.length ? "warning" : "success"}
          showIcon
          title={check.conflict ? t("councils.conflictFound", { name: check.fullName }) : t("councils.noConflict", { name: check.fullName })}
          description={check.lines.length > 0 && <List size="small" dataSource={check.lines} renderItem={(l) => <List.Item>{en ? l.en : l.vi}</List.Item>} />}
        />
      )}
      {check?.conflict && c.abilities.overrideConflict && (
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("councils.overrideReason")}
          aria-label={t("councils.overrideReason")}
        />
      )}
      {check && (!check.conflict || c.abilities.overrideConflict) && (
        <Button type="primary" disabled={check.conflict && reason.trim().length < 3} loading={add.isPending} onClick={onAdd}>
          {check.conflict ? t("councils.addWithOverride") : t("councils.add")}
        </Button>
      )}
    </Space>
  );
}
