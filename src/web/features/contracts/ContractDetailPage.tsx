// One contract: parties, value by source in vi-VN money, period, products, the disbursement plan against payments
// (progress per tranche), the payment ledger with approvals and reversals, the settlement (disbursed / advanced /
// spent / returned), the amendments history, and the actions its `abilities` allow. Money actions follow the
// two-person rule: the server answers 409 with the reason when the preparer tries to approve; the page says so first.
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import { CheckOutlined, CloseOutlined, DollarOutlined, EditOutlined, FileDoneOutlined, RollbackOutlined, ScheduleOutlined, StopOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import {
  AMENDMENT_KINDS,
  OUTPUT_TYPES,
  TRANCHE_KINDS,
  type Amendment,
  type AmendmentKind,
  type Contract,
  type Payment,
  type Tranche,
} from "../../../common/api/contract";
import { api, errorMessage } from "../../app/api";
import { useSession } from "../../app/session";
import { DATE_FORMAT, formatDate, formatDateTime, formatNumber } from "../../app/format";
import { RecordView, Section } from "../../components/RecordView";
import { PersonSelect } from "../../components/entity-select";
import { ContractStatusTag, Disbursed, PaymentStatusTag, formatMoney } from "./contract-ui";
import { DocumentButton } from "../documents/DocumentButton";

export const contractQuery = (id: string) => ({
  queryKey: ["contracts", "one", id],
  queryFn: () => api.get<Contract>(`/contracts/${id}`),
});

const iso = (d: dayjs.Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : undefined);
const moneyInput = { min: 0, step: 1_000_000, precision: 0, style: { width: "100%" }, formatter: (v: unknown) => formatNumber(Number(v ?? 0), 0) } as const;

/** Runs a command on the contract and refreshes it; errors (409 with the reason, 403) become messages. */
function useCommand() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: ({ method, url, body }: { method: "post" | "put"; url: string; body: unknown; done: string }) =>
      method === "post" ? api.post<unknown>(url, body) : api.put<unknown>(url, body),
    onSuccess: (_r, v) => {
      message.success(t(v.done));
      void qc.invalidateQueries({ queryKey: ["contracts"] });
    },
    onError: (e) => {
      message.error(errorMessage(e));
      void qc.invalidateQueries({ queryKey: ["contracts"] });
    },
  });
}

export function ContractDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const q = useQuery(contractQuery(id));
  return (
    <RecordView<Contract>
      query={q}
      back="/contracts"
      resource="contracts"
      title={(c) => `${t("contracts.contractNo")} ${c.number}`}
      subtitle={(c) => <ContractStatusTag status={c.status} />}
      actions={(c) => (
        <>
          <DocumentButton url={`/contracts/${c.id}/contract.docx`} document="contract" fallbackName={`hop-dong-${c.number.replace(/\//g, "-")}.docx`} />
          <ContractActions c={c} />
        </>
      )}
    >
      {(c) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Section
            title={t("contracts.sections.parties")}
            items={[
              { key: "task", label: t("contracts.fields.task"), span: "filled", children: `${c.taskCode} · ${c.taskTitleVi}` },
              { key: "a", label: t("contracts.fields.partyA"), children: c.partyAName },
              { key: "arep", label: t("contracts.fields.partyARepresentative"), children: c.partyARepresentative },
              { key: "b", label: t("contracts.fields.partyB"), children: <Link to={`/organisations/${c.partyBOrganisationId}`}>{c.partyBOrganisationName}</Link> },
              { key: "brep", label: t("contracts.fields.partyBRepresentative"), children: c.partyBRepresentative },
              { key: "pi", label: t("contracts.fields.pi"), children: <Link to={`/people/${c.piPersonId}`}>{c.piName}</Link> },
              { key: "period", label: t("contracts.fields.period"), children: `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` },
              { key: "prepared", label: t("contracts.fields.preparedBy"), children: c.preparedByName },
              {
                key: "signed",
                label: t("contracts.fields.signed"),
                children: c.signedAt && t("contracts.signedText", { a: formatDate(c.partyASignedOn), b: formatDate(c.partyBSignedOn), by: c.signedByName ?? "" }),
              },
              { key: "terminated", label: t("contracts.fields.terminated"), span: "filled", children: c.terminatedAt && `${formatDateTime(c.terminatedAt)} — ${c.terminationReason ?? ""} (${t("contracts.fields.amountToReturn")}: ${formatMoney(c.amountToReturn)})` },
            ]}
          />
          <Card title={t("contracts.sections.value")}>
            <Space size={48} wrap>
              <Statistic title={t("contracts.fields.valueCity")} value={formatMoney(c.valueCity)} />
              <Statistic title={t("contracts.fields.valueOther")} value={formatMoney(c.valueOther)} />
              <Statistic title={t("contracts.fields.valueTotal")} value={formatMoney(c.valueCity + c.valueOther)} />
              <Statistic title={t("contracts.fields.approvedBudgetCity")} value={formatMoney(c.approvedBudgetCity)} />
            </Space>
          </Card>
          <Card title={t("contracts.sections.products")}>
            <Table
              size="small"
              rowKey="position"
              pagination={false}
              dataSource={c.products}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: t("contracts.noProducts") }}
              columns={[
                { title: "#", dataIndex: "position", width: 48 },
                { title: t("contracts.product.name"), dataIndex: "name" },
                { title: t("contracts.product.outputType"), dataIndex: "outputType", render: (o: string) => t(`contracts.outputType.${o}`) },
                { title: t("contracts.product.quantity"), key: "q", align: "right", render: (_, p) => `${formatNumber(p.quantity)} ${p.unit}` },
                { title: t("contracts.product.qualityTarget"), dataIndex: "qualityTarget" },
              ]}
            />
            {c.terms && <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12, marginBottom: 0 }}>{c.terms}</Typography.Paragraph>}
          </Card>
          <PlanCard c={c} />
          <PaymentsCard c={c} />
          <SettlementCard c={c} />
          <AmendmentsCard c={c} />
          <div className="record-meta">{t("record.meta", { created: formatDateTime(c.createdAt), updated: formatDateTime(c.updatedAt), version: c.version })}</div>
        </Space>
      )}
    </RecordView>
  );
}

function PlanCard({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const cmd = useCommand();
  const planned = c.tranches.filter((x) => x.status === "planned").reduce((s, x) => s + x.amountCity, 0);
  return (
    <Card
      title={t("contracts.sections.plan")}
      extra={
        c.abilities.plan && (
          <Button icon={<ScheduleOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t("contracts.actions.plan")}
          </Button>
        )
      }
    >
      {planned !== c.valueCity && c.status === "draft" && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("contracts.planMismatch", { sum: formatMoney(planned), value: formatMoney(c.valueCity) })} />
      )}
      <Table<Tranche>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.tranches}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noPlan") }}
        columns={[
          { title: t("contracts.tranche.label"), dataIndex: "label", render: (l: string, x) => (x.status === "cancelled" ? <Typography.Text delete>{l}</Typography.Text> : l) },
          { title: t("contracts.tranche.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.trancheKind.${k}`) },
          { title: t("contracts.tranche.plannedDate"), dataIndex: "plannedDate", render: (d: string) => formatDate(d) },
          { title: t("contracts.tranche.amountCity"), dataIndex: "amountCity", align: "right", render: (v: number) => formatMoney(v) },
          { title: t("contracts.tranche.amountOther"), dataIndex: "amountOther", align: "right", render: (v: number) => formatMoney(v) },
          { title: t("contracts.tranche.paidCity"), dataIndex: "paidCity", align: "right", render: (v: number) => formatMoney(v) },
          { title: t("contracts.tranche.progress"), key: "p", render: (_, x) => <Disbursed paid={x.paidCity + x.paidOther} planned={x.amountCity + x.amountOther} /> },
          {
            title: "",
            key: "a",
            render: (_, x) =>
              x.status === "cancelled" ? (
                <Tag>{t("contracts.trancheCancelled")}</Tag>
              ) : (
                c.abilities.plan &&
                c.status !== "draft" && (
                  <ReasonButton
                    label={t("contracts.actions.cancelTranche")}
                    title={t("contracts.actions.cancelTranche")}
                    onSubmit={(reason) => cmd.mutateAsync({ method: "post", url: `/contracts/${c.id}/disbursements/${x.id}/cancel`, body: { version: c.version, reason }, done: "contracts.done.saved" })}
                  />
                )
              ),
          },
        ]}
      />
      {editing && <PlanModal c={c} onClose={() => setEditing(false)} />}
    </Card>
  );
}

interface TrancheForm {
  id?: string;
  kind: (typeof TRANCHE_KINDS)[number];
  label: string;
  plannedDate: dayjs.Dayjs;
  amountCity: number;
  amountOther: number;
  condition?: string;
}

function PlanModal({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ tranches: TrancheForm[] }>();
  const cmd = useCommand();
  const tranches = Form.useWatch("tranches", form) ?? [];
  const sum = tranches.reduce((s, x) => s + Number(x?.amountCity ?? 0), 0);
  const cancelledPaid = c.tranches.filter((x) => x.status === "cancelled").reduce((s, x) => s + x.paidCity, 0);
  return (
    <Modal
      open
      width={1000}
      title={t("contracts.actions.plan")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await cmd
          .mutateAsync({
            method: "put",
            url: `/contracts/${c.id}/disbursements`,
            body: {
              version: c.version,
              tranches: v.tranches.map((x) => ({ id: x.id, kind: x.kind, label: x.label, plannedDate: iso(x.plannedDate), amountCity: x.amountCity ?? 0, amountOther: x.amountOther ?? 0, condition: x.condition || null })),
            },
            done: "contracts.done.saved",
          })
          .then(onClose)
          .catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Alert
        type={sum + cancelledPaid === c.valueCity ? "success" : "warning"}
        showIcon
        style={{ marginBottom: 12 }}
        title={t("contracts.planSum", { sum: formatMoney(sum + cancelledPaid), value: formatMoney(c.valueCity) })}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          tranches: c.tranches
            .filter((x) => x.status === "planned")
            .map((x) => ({ id: x.id, kind: x.kind, label: x.label, plannedDate: dayjs(x.plannedDate), amountCity: x.amountCity, amountOther: x.amountOther, condition: x.condition ?? undefined })),
        }}
      >
        <Form.List name="tranches">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, "kind"]} label={t("contracts.tranche.kind")} rules={[{ required: true, message: t("validation.required") }]}>
                    <Select style={{ width: 130 }} options={TRANCHE_KINDS.map((k) => ({ value: k, label: t(`contracts.trancheKind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, "label"]} label={t("contracts.tranche.label")} rules={[{ required: true, min: 2, message: t("validation.required") }]}>
                    <Input style={{ width: 180 }} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[f.name, "plannedDate"]} label={t("contracts.tranche.plannedDate")} rules={[{ required: true, message: t("validation.required") }]}>
                    <DatePicker format={DATE_FORMAT} />
                  </Form.Item>
                  <Form.Item name={[f.name, "amountCity"]} label={t("contracts.tranche.amountCity")} rules={[{ required: true, message: t("validation.required") }]}>
                    <InputNumber {...moneyInput} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "amountOther"]} label={t("contracts.tranche.amountOther")} initialValue={0}>
                    <InputNumber {...moneyInput} style={{ width: 150 }} />
                  </Form.Item>
                  <Button aria-label={t("common.remove")} style={{ marginTop: 30 }} icon={<CloseOutlined aria-hidden />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button onClick={() => add({ kind: fields.length ? "tranche" : "advance", amountCity: 0, amountOther: 0 })}>{t("contracts.addTranche")}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function PaymentsCard({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [recording, setRecording] = useState<"payment" | "return" | null>(null);
  const [reversing, setReversing] = useState<Payment | null>(null);
  const cmd = useCommand();
  if (!c.payments.length && !c.abilities.pay) return null;
  return (
    <Card
      title={t("contracts.sections.payments")}
      extra={
        c.abilities.pay && (
          <Space>
            {c.status !== "terminated" && (
              <Button icon={<DollarOutlined aria-hidden />} onClick={() => setRecording("payment")}>
                {t("contracts.actions.recordPayment")}
              </Button>
            )}
            <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setRecording("return")}>
              {t("contracts.actions.recordReturn")}
            </Button>
          </Space>
        )
      }
    >
      <Table<Payment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.payments}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noPayments") }}
        columns={[
          { title: t("contracts.payment.paidOn"), dataIndex: "paidOn", render: (d: string) => formatDate(d) },
          { title: t("contracts.payment.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.paymentKind.${k}`) },
          { title: t("contracts.payment.tranche"), dataIndex: "trancheLabel" },
          { title: t("contracts.payment.source"), dataIndex: "source", render: (s: string) => t(`contracts.source.${s}`) },
          { title: t("contracts.payment.amount"), dataIndex: "amount", align: "right", render: (v: number) => <span style={{ color: v < 0 ? "#cf1322" : undefined }}>{formatMoney(v)}</span> },
          { title: t("contracts.payment.reference"), dataIndex: "reference" },
          { title: t("contracts.payment.note"), dataIndex: "note" },
          { title: t("contracts.payment.preparedBy"), dataIndex: "preparedByName" },
          { title: t("contracts.payment.decidedBy"), dataIndex: "decidedByName" },
          { title: t("contracts.payment.status"), dataIndex: "status", render: (s: string) => <PaymentStatusTag status={s} /> },
          {
            title: "",
            key: "a",
            render: (_, p) => (
              <Space>
                {p.status === "pending" && c.abilities.decidePayment && (
                  <PaymentDecision p={p} mine={p.preparedBy === me?.id} onDecide={(d) => cmd.mutateAsync({ method: "post", url: `/contracts/${c.id}/payments/${p.id}/${d}`, body: { version: p.version }, done: `contracts.done.${d}` })} />
                )}
                {p.status === "approved" && p.kind !== "reversal" && c.abilities.pay && (
                  <Button size="small" onClick={() => setReversing(p)}>
                    {t("contracts.actions.reverse")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {recording && <PaymentModal c={c} kind={recording} onClose={() => setRecording(null)} />}
      {reversing && <ReverseModal c={c} p={reversing} onClose={() => setReversing(null)} />}
    </Card>
  );
}

/** Approve / reject; the preparer is told about the two-person rule instead of getting a button that fails. */
export function PaymentDecision({ p, mine, onDecide }: { p: Payment; mine: boolean; onDecide: (d: "approve" | "reject") => Promise<unknown> }) {
  const { t } = useTranslation();
  if (mine) return <Typography.Text type="secondary">{t("contracts.twoPersonHint")}</Typography.Text>;
  return (
    <Space>
      <Popconfirm title={t("contracts.confirmApprove", { amount: formatMoney(p.amount) })} okText={t("contracts.actions.approve")} cancelText={t("common.cancel")} onConfirm={() => onDecide("approve").catch(() => undefined)}>
        <Button size="small" type="primary" icon={<CheckOutlined aria-hidden />}>
          {t("contracts.actions.approve")}
        </Button>
      </Popconfirm>
      <Popconfirm title={t("contracts.confirmReject")} okText={t("contracts.actions.reject")} cancelText={t("common.cancel")} onConfirm={() => onDecide("reject").catch(() => undefined)}>
        <Button size="small" danger icon={<CloseOutlined aria-hidden />}>
          {t("contracts.actions.reject")}
        </Button>
      </Popconfirm>
    </Space>
  );
}

function PaymentModal({ c, kind, onClose }: { c: Contract; kind: "payment" | "return"; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const cmd = useCommand();
  const open = c.tranches.filter((x) => x.status === "planned");
  return (
    <Modal
      open
      title={t(kind === "payment" ? "contracts.actions.recordPayment" : "contracts.actions.recordReturn")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await cmd
          .mutateAsync({
            method: "post",
            url: `/contracts/${c.id}/payments`,
            body: { kind, trancheId: kind === "payment" ? v.trancheId : undefined, source: kind === "payment" ? v.source : "city", amount: v.amount, paidOn: iso(v.paidOn), reference: v.reference || null, note: v.note || null },
            done: "contracts.done.recorded",
          })
          .then(onClose)
          .catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("contracts.awaitsSecondPerson")} />
      <Form form={form} layout="vertical" initialValues={{ source: "city", paidOn: dayjs() }}>
        {kind === "payment" && (
          <>
            <Form.Item name="trancheId" label={t("contracts.payment.tranche")} rules={[{ required: true, message: t("validation.required") }]}>
              <Select
                options={open.map((x) => ({
                  value: x.id,
                  label: `${x.label} — ${t("contracts.remaining")}: ${formatMoney(x.amountCity - x.paidCity - x.pendingCity)} / ${formatMoney(x.amountOther - x.paidOther - x.pendingOther)}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="source" label={t("contracts.payment.source")}>
              <Select options={["city", "other"].map((s) => ({ value: s, label: t(`contracts.source.${s}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="amount" label={t("contracts.payment.amount")} rules={[{ required: true, message: t("validation.required") }]}>
          <InputNumber {...moneyInput} min={1} />
        </Form.Item>
        <Form.Item name="paidOn" label={t("contracts.payment.paidOn")} rules={[{ required: true, message: t("validation.required") }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="reference" label={t("contracts.payment.reference")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t("contracts.payment.note")}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReverseModal({ c, p, onClose }: { c: Contract; p: Payment; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const cmd = useCommand();
  return (
    <Modal
      open
      title={t("contracts.actions.reverse")}
      okText={t("contracts.actions.reverse")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true, loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await cmd
          .mutateAsync({ method: "post", url: `/contracts/${c.id}/payments/${p.id}/reverse`, body: { amount: v.amount, paidOn: iso(v.paidOn), reason: v.reason, reference: v.reference || null }, done: "contracts.done.recorded" })
          .then(onClose)
          .catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("contracts.reverseHint", { amount: formatMoney(p.amount) })} />
      <Form form={form} layout="vertical" initialValues={{ amount: p.amount, paidOn: dayjs() }}>
        <Form.Item name="amount" label={t("contracts.payment.amount")} rules={[{ required: true, message: t("validation.required") }]}>
          <InputNumber {...moneyInput} min={1} max={p.amount} />
        </Form.Item>
        <Form.Item name="paidOn" label={t("contracts.payment.paidOn")} rules={[{ required: true, message: t("validation.required") }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="reason" label={t("contracts.reason")} rules={[{ required: true, min: 3, message: t("validation.required") }]}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.Item name="reference" label={t("contracts.payment.reference")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SettlementCard({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ spentCity: number }>();
  const cmd = useCommand();
  const s = c.settlement;
  if (c.status === "draft") return null;
  return (
    <Card
      title={t("contracts.sections.settlement")}
      extra={
        <Space>
          {s.settled ? <Tag color="green">{t("contracts.settled")}</Tag> : <Tag color="gold">{t("contracts.notSettled")}</Tag>}
          {c.abilities.settle && <Button onClick={() => setEditing(true)}>{t("contracts.actions.settle")}</Button>}
        </Space>
      }
    >
      <Space size={40} wrap>
        <Statistic title={t("contracts.settlement.planned")} value={formatMoney(s.planned)} />
        <Statistic title={t("contracts.settlement.disbursed")} value={formatMoney(s.disbursed)} />
        <Statistic title={t("contracts.settlement.advanced")} value={formatMoney(s.advanced)} />
        <Statistic title={t("contracts.settlement.spent")} value={s.spent === null ? "—" : formatMoney(s.spent)} />
        <Statistic title={t("contracts.settlement.returned")} value={formatMoney(s.returned)} />
        <Statistic title={t("contracts.settlement.outstanding")} value={s.outstanding === null ? "—" : formatMoney(s.outstanding)} />
      </Space>
      <div style={{ marginTop: 12 }}>
        <Disbursed paid={s.disbursed} planned={c.valueCity} />
      </div>
      <Modal
        open={editing}
        title={t("contracts.actions.settle")}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        okButtonProps={{ loading: cmd.isPending }}
        onCancel={() => setEditing(false)}
        onOk={async () => {
          const v = await form.validateFields();
          await cmd
            .mutateAsync({ method: "post", url: `/contracts/${c.id}/settlement`, body: { version: c.version, spentCity: v.spentCity }, done: "contracts.done.saved" })
            .then(() => setEditing(false))
            .catch(() => undefined);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ spentCity: s.spent ?? s.disbursed }}>
          <Form.Item name="spentCity" label={t("contracts.settlement.spent")} extra={t("contracts.settleHint", { disbursed: formatMoney(s.disbursed) })} rules={[{ required: true, message: t("validation.required") }]}>
            <InputNumber {...moneyInput} max={s.disbursed} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function proposedText(a: Amendment, t: (k: string, o?: Record<string, unknown>) => string): ReactNode {
  const p = a.proposed as Record<string, unknown>;
  const parts: string[] = [];
  if (p.endDate) parts.push(`${t("contracts.fields.endDate")}: ${formatDate(p.endDate as string)}`);
  if (p.valueCity !== undefined) parts.push(`${t("contracts.fields.valueCity")}: ${formatMoney(p.valueCity as number)}`);
  if (p.valueOther !== undefined) parts.push(`${t("contracts.fields.valueOther")}: ${formatMoney(p.valueOther as number)}`);
  if (p.products) parts.push(t("contracts.productsCount", { count: (p.products as unknown[]).length }));
  if (p.terms !== undefined) parts.push(t("contracts.termsChanged"));
  if (p.piPersonId) parts.push(t("contracts.piChanged"));
  return parts.join("; ");
}

function AmendmentsCard({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [requesting, setRequesting] = useState(false);
  const cmd = useCommand();
  if (!c.amendments.length && !c.abilities.requestAmendment) return null;
  return (
    <Card
      title={t("contracts.sections.amendments")}
      extra={
        c.abilities.requestAmendment && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setRequesting(true)}>
            {t("contracts.actions.requestAmendment")}
          </Button>
        )
      }
    >
      <Table<Amendment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={c.amendments}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("contracts.noAmendments") }}
        columns={[
          { title: "#", dataIndex: "seq", width: 48 },
          { title: t("contracts.amendment.kind"), dataIndex: "kind", render: (k: string) => t(`contracts.amendmentKind.${k}`) },
          { title: t("contracts.amendment.proposed"), key: "p", render: (_, a) => proposedText(a, t) },
          { title: t("contracts.reason"), dataIndex: "reason" },
          { title: t("contracts.amendment.requested"), key: "r", render: (_, a) => `${a.requestedByName ?? ""} · ${formatDateTime(a.requestedAt)}` },
          { title: t("contracts.amendment.decided"), key: "d", render: (_, a) => a.decidedAt && `${a.decidedByName ?? ""} · ${formatDateTime(a.decidedAt)}${a.decisionNote ? ` — ${a.decisionNote}` : ""}` },
          { title: t("contracts.fields.status"), dataIndex: "status", render: (s: string) => <Tag>{t(`contracts.amendmentStatus.${s}`)}</Tag> },
          {
            title: "",
            key: "a",
            render: (_, a) =>
              a.status === "pending" &&
              c.abilities.decideAmendment &&
              (a.requestedBy === me?.id ? (
                <Typography.Text type="secondary">{t("contracts.twoPersonHint")}</Typography.Text>
              ) : (
                <Space>
                  <Popconfirm title={t("contracts.confirmApplyAmendment")} okText={t("contracts.actions.approve")} cancelText={t("common.cancel")} onConfirm={() => cmd.mutateAsync({ method: "post", url: `/contracts/${c.id}/amendments/${a.id}/approve`, body: { version: a.version }, done: "contracts.done.approve" }).catch(() => undefined)}>
                    <Button size="small" type="primary">{t("contracts.actions.approve")}</Button>
                  </Popconfirm>
                  <ReasonButton label={t("contracts.actions.reject")} title={t("contracts.actions.reject")} optional onSubmit={(note) => cmd.mutateAsync({ method: "post", url: `/contracts/${c.id}/amendments/${a.id}/reject`, body: { version: a.version, note: note || null }, done: "contracts.done.reject" })} />
                </Space>
              )),
          },
        ]}
      />
      {requesting && <AmendmentModal c={c} onClose={() => setRequesting(false)} />}
    </Card>
  );
}

function AmendmentModal({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const cmd = useCommand();
  const kind: AmendmentKind = Form.useWatch("kind", form) ?? "schedule";
  return (
    <Modal
      open
      width={800}
      title={t("contracts.actions.requestAmendment")}
      okText={t("contracts.actions.submit")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const body: Record<string, unknown> = { kind: v.kind, reason: v.reason };
        if (v.kind === "schedule") body.endDate = iso(v.endDate);
        if (v.kind === "budget") Object.assign(body, { valueCity: v.valueCity, valueOther: v.valueOther });
        if (v.kind === "pi") body.piPersonId = v.piPersonId;
        if (v.kind === "content") Object.assign(body, { products: v.products, terms: v.terms || null });
        await cmd.mutateAsync({ method: "post", url: `/contracts/${c.id}/amendments`, body, done: "contracts.done.requested" }).then(onClose).catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "schedule", endDate: dayjs(c.endDate), valueCity: c.valueCity, valueOther: c.valueOther, terms: c.terms ?? "", products: c.products.map(({ position: _p, ...p }) => p) }}
      >
        <Form.Item name="kind" label={t("contracts.amendment.kind")}>
          <Select options={AMENDMENT_KINDS.map((k) => ({ value: k, label: t(`contracts.amendmentKind.${k}`) }))} />
        </Form.Item>
        {kind === "schedule" && (
          <Form.Item name="endDate" label={t("contracts.fields.endDate")} rules={[{ required: true, message: t("validation.required") }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        )}
        {kind === "budget" && (
          <Space wrap>
            <Form.Item name="valueCity" label={t("contracts.fields.valueCity")} rules={[{ required: true, message: t("validation.required") }]}>
              <InputNumber {...moneyInput} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="valueOther" label={t("contracts.fields.valueOther")} rules={[{ required: true, message: t("validation.required") }]}>
              <InputNumber {...moneyInput} style={{ width: 220 }} />
            </Form.Item>
          </Space>
        )}
        {kind === "pi" && (
          <Form.Item name="piPersonId" label={t("contracts.fields.newPi")} rules={[{ required: true, message: t("validation.required") }]}>
            <PersonSelect />
          </Form.Item>
        )}
        {kind === "content" && (
          <>
            <ProductsList />
            <Form.Item name="terms" label={t("contracts.fields.terms")}>
              <Input.TextArea rows={3} maxLength={20000} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t("contracts.reason")} rules={[{ required: true, min: 3, message: t("validation.required") }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The products of a contract as a form list (draft editing and content amendments). */
function ProductsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="products">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item name={[f.name, "name"]} label={t("contracts.product.name")} rules={[{ required: true, min: 2, message: t("validation.required") }]}>
                <Input style={{ width: 200 }} maxLength={500} />
              </Form.Item>
              <Form.Item name={[f.name, "outputType"]} label={t("contracts.product.outputType")} rules={[{ required: true, message: t("validation.required") }]}>
                <Select style={{ width: 170 }} options={OUTPUT_TYPES.map((o) => ({ value: o, label: t(`contracts.outputType.${o}`) }))} />
              </Form.Item>
              <Form.Item name={[f.name, "quantity"]} label={t("contracts.product.quantity")} rules={[{ required: true, message: t("validation.required") }]}>
                <InputNumber min={0.01} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name={[f.name, "unit"]} label={t("contracts.product.unit")} rules={[{ required: true, message: t("validation.required") }]}>
                <Input style={{ width: 100 }} maxLength={50} />
              </Form.Item>
              <Form.Item name={[f.name, "qualityTarget"]} label={t("contracts.product.qualityTarget")} rules={[{ required: true, min: 2, message: t("validation.required") }]}>
                <Input style={{ width: 220 }} maxLength={4000} />
              </Form.Item>
              <Button aria-label={t("common.remove")} style={{ marginTop: 30 }} icon={<CloseOutlined aria-hidden />} onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Form.Item>
            <Button onClick={() => add({ outputType: "product", quantity: 1 })}>{t("contracts.addProduct")}</Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}

/** A button opening a small dialog that asks for a reason (required unless `optional`). */
function ReasonButton({ label, title, onSubmit, optional }: { label: string; title: string; onSubmit: (reason: string) => Promise<unknown>; optional?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={label}
        cancelText={t("common.cancel")}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const v = await form.validateFields();
          await onSubmit(v.reason?.trim() ?? "").then(() => setOpen(false)).catch(() => undefined);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t("contracts.reason")} rules={[{ required: !optional, min: 3, message: t("validation.required") }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Edit (draft), sign, terminate, liquidate — as the record's abilities allow. */
function ContractActions({ c }: { c: Contract }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [dialog, setDialog] = useState<"edit" | "sign" | "terminate" | null>(null);
  const cmd = useCommand();
  const preparedByMe = me?.id === c.preparedBy;
  return (
    <>
      {c.abilities.update && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("edit")}>
          {t("common.edit")}
        </Button>
      )}
      {c.abilities.sign &&
        (preparedByMe ? (
          <Typography.Text type="secondary">{t("contracts.twoPersonSignHint")}</Typography.Text>
        ) : (
          <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setDialog("sign")}>
            {t("contracts.actions.sign")}
          </Button>
        ))}
      {c.abilities.liquidate && c.status !== "liquidated" && (
        <Popconfirm
          title={t("contracts.confirmLiquidate")}
          okText={t("contracts.actions.liquidate")}
          cancelText={t("common.cancel")}
          onConfirm={() => cmd.mutateAsync({ method: "post", url: `/contracts/${c.id}/liquidate`, body: { version: c.version }, done: "contracts.done.liquidate" }).catch(() => undefined)}
        >
          <Button disabled={!c.settlement.settled} title={c.settlement.settled ? undefined : t("contracts.notSettled")}>
            {t("contracts.actions.liquidate")}
          </Button>
        </Popconfirm>
      )}
      {c.abilities.terminate && (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog("terminate")}>
          {t("contracts.actions.terminate")}
        </Button>
      )}
      {dialog === "edit" && <EditModal c={c} onClose={() => setDialog(null)} />}
      {dialog === "sign" && <SignModal c={c} onClose={() => setDialog(null)} />}
      {dialog === "terminate" && <TerminateModal c={c} onClose={() => setDialog(null)} />}
    </>
  );
}

function EditModal({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const cmd = useCommand();
  return (
    <Modal
      open
      width={1000}
      title={t("contracts.editTitle", { number: c.number })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await cmd
          .mutateAsync({
            method: "put",
            url: `/contracts/${c.id}`,
            body: {
              version: c.version,
              partyARepresentative: v.partyARepresentative || null,
              partyBRepresentative: v.partyBRepresentative || null,
              valueCity: v.valueCity,
              valueOther: v.valueOther,
              startDate: iso(v.startDate),
              endDate: iso(v.endDate),
              terms: v.terms || null,
              products: v.products,
            },
            done: "contracts.done.saved",
          })
          .then(onClose)
          .catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          partyARepresentative: c.partyARepresentative,
          partyBRepresentative: c.partyBRepresentative,
          valueCity: c.valueCity,
          valueOther: c.valueOther,
          startDate: dayjs(c.startDate),
          endDate: dayjs(c.endDate),
          terms: c.terms,
          products: c.products.map(({ position: _p, ...p }) => p),
        }}
      >
        <Space wrap>
          <Form.Item name="partyARepresentative" label={t("contracts.fields.partyARepresentative")}>
            <Input style={{ width: 300 }} maxLength={300} />
          </Form.Item>
          <Form.Item name="partyBRepresentative" label={t("contracts.fields.partyBRepresentative")}>
            <Input style={{ width: 300 }} maxLength={300} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="valueCity"
            label={t("contracts.fields.valueCity")}
            extra={t("contracts.approvedCap", { amount: formatMoney(c.approvedBudgetCity) })}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <InputNumber {...moneyInput} max={c.approvedBudgetCity ?? undefined} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="valueOther" label={t("contracts.fields.valueOther")} rules={[{ required: true, message: t("validation.required") }]}>
            <InputNumber {...moneyInput} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="startDate" label={t("contracts.fields.startDate")} rules={[{ required: true, message: t("validation.required") }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="endDate" label={t("contracts.fields.endDate")} rules={[{ required: true, message: t("validation.required") }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t("contracts.sections.products")}</Typography.Title>
        <ProductsList />
        <Form.Item name="terms" label={t("contracts.fields.terms")}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SignModal({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const cmd = useCommand();
  return (
    <Modal
      open
      title={t("contracts.actions.sign")}
      okText={t("contracts.actions.sign")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await cmd
          .mutateAsync({ method: "post", url: `/contracts/${c.id}/sign`, body: { version: c.version, partyASignedOn: iso(v.a), partyBSignedOn: iso(v.b) }, done: "contracts.done.sign" })
          .then(onClose)
          .catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("contracts.signHint", { by: c.preparedByName ?? "" })} />
      <Form form={form} layout="vertical" initialValues={{ a: dayjs(), b: dayjs() }}>
        <Form.Item name="a" label={t("contracts.fields.partyASignedOn")} rules={[{ required: true, message: t("validation.required") }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        <Form.Item name="b" label={t("contracts.fields.partyBSignedOn")} rules={[{ required: true, message: t("validation.required") }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TerminateModal({ c, onClose }: { c: Contract; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const cmd = useCommand();
  return (
    <Modal
      open
      title={t("contracts.actions.terminate")}
      okText={t("contracts.actions.terminate")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: true, loading: cmd.isPending }}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await cmd
          .mutateAsync({ method: "post", url: `/contracts/${c.id}/terminate`, body: { version: c.version, reason: v.reason, amountToReturn: v.amountToReturn }, done: "contracts.done.terminate" })
          .then(onClose)
          .catch(() => undefined);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ amountToReturn: 0 }}>
        <Form.Item name="reason" label={t("contracts.reason")} rules={[{ required: true, min: 3, message: t("validation.required") }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="amountToReturn" label={t("contracts.fields.amountToReturn")} extra={t("contracts.settleHint", { disbursed: formatMoney(c.settlement.disbursed) })}>
          <InputNumber {...moneyInput} max={c.settlement.disbursed} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
