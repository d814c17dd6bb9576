// THE command pattern: an action on a record (sign, approve, record a payment, terminate…) is one call to the API with
// the record's version. `useRecordCommand` runs it and keeps the caches right (the record answered replaces the
// cached one; the lists are refreshed; a 409 reloads the record). `CommandDialog` asks for what the command takes
// in a Modal + Form whose field rules come from the shared zod body, submits through that hook, and keeps the
// server's refusal (code, message and reasons) inside the dialog; after a 409 VERSION_CONFLICT it says the record
// was reloaded, and the next submit goes out with the new version.
import { useState, type ReactNode } from "react";
import { Alert, App, Form, Modal, type FormInstance, type FormRule } from "antd";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ApiError, errorMessage } from "../app/api";
import { applyServerIssues, rules as fieldRules } from "./form-rules";
import { RefusalAlert } from "./RefusalAlert";

/** One call of a command: a function so that it reads the record's version when it runs. */
export type CommandCall<T = unknown> = () => Promise<T>;

export interface RecordCommand {
  /** runs the call; resolves with the answer, rejects with the ApiError */
  mutateAsync: (call: CommandCall) => Promise<unknown>;
  isPending: boolean;
  /**
   * runs a call outside a dialog (a confirmation, a page form): success (`done`, an i18n key) and refusal become
   * messages; never rejects, resolves true when the command went through
   */
  run: (call: CommandCall, done?: string) => Promise<boolean>;
}

export const isVersionConflict = (e: unknown) => e instanceof ApiError && e.code === "VERSION_CONFLICT";

/**
 * Commands on one record. When the answer is the record itself (same id as the cached one) it replaces the cached
 * record; another answer (a ledger entry, a sub-record) reloads the record. `lists` are the query keys refreshed
 * after every command. A 409 answer (stale version, wrong state, a rule) reloads the record so that what is on
 * screen is what the server has.
 */
export function useRecordCommand(recordKey: QueryKey, opts: { lists?: QueryKey[] } = {}): RecordCommand {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const m = useMutation({
    mutationFn: (call: CommandCall) => call(),
    onSuccess: (result) => {
      const cached = qc.getQueryData<{ id?: unknown }>(recordKey);
      const sameRecord = !!result && typeof result === "object" && cached?.id !== undefined && (result as { id?: unknown }).id === cached.id;
      if (sameRecord) qc.setQueryData(recordKey, result);
      else void qc.invalidateQueries({ queryKey: recordKey });
      for (const key of opts.lists ?? []) void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: recordKey });
    },
  });
  return {
    mutateAsync: m.mutateAsync,
    isPending: m.isPending,
    run: (call, done) =>
      m.mutateAsync(call).then(
        () => {
          if (done) message.success(t(done));
          return true;
        },
        (e) => {
          message.error(isVersionConflict(e) ? t("command.conflict") : errorMessage(e));
          return false;
        },
      ),
  };
}

type Shape = Record<string, z.ZodType>;

export interface CommandDialogProps<V extends object> {
  title: ReactNode;
  /** the OK button's text (default: Save) */
  okText?: ReactNode;
  danger?: boolean;
  /** an icon on the OK button */
  okIcon?: ReactNode;
  width?: number;
  command: RecordCommand;
  /** the shared zod body (or its shape) the form's fields are checked with */
  schema?: { shape: Shape } | Shape;
  initialValues?: Partial<V>;
  /** a form instance, when the dialog's fields watch each other */
  form?: FormInstance<V>;
  /** the call, from the validated values */
  submit: (values: V) => Promise<unknown>;
  /** the success message: an i18n key, or the text made from the answer */
  done: string | ((result: unknown) => string);
  /** after success, before the dialog closes (e.g. go to the new record) */
  onDone?: (result: unknown) => void;
  onClose: () => void;
  /** shown above the form (a hint, the two-person rule) */
  intro?: ReactNode;
  /** `rules(field, required, label)`: the body schema's check of the field, its messages naming the field by `label` */
  children?: ReactNode | ((f: { rules: (field: string, required?: boolean, label?: string) => FormRule[]; form: FormInstance<V> }) => ReactNode);
}

export function CommandDialog<V extends object>(props: CommandDialogProps<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const [error, setError] = useState<unknown>(null);
  const shape: Shape | undefined = props.schema
    ? "shape" in props.schema && typeof props.schema.shape === "object"
      ? (props.schema.shape as Shape)
      : (props.schema as Shape)
    : undefined;
  const rules = (field: string, required = false, label?: string): FormRule[] =>
    shape ? fieldRules(shape, field, required, label) : required ? [{ required: true, message: t("validation.required") }] : [];

  const onOk = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const result = await props.command.mutateAsync(() => props.submit(values));
      message.success(typeof props.done === "function" ? props.done(result) : t(props.done));
      props.onDone?.(result);
      props.onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.length) {
        const rest = applyServerIssues(form, e.fieldIssues);
        setError(rest.length ? new ApiError(e.status, e.code, rest.join("; ")) : null);
      } else setError(e);
    }
  };

  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText ?? t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: props.danger, icon: props.okIcon, loading: props.command.isPending }}
      onCancel={props.onClose}
      onOk={onOk}
      destroyOnHidden
    >
      {props.intro}
      {isVersionConflict(error) ? (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} title={t("command.conflict")} />
      ) : error ? (
        <RefusalAlert error={error} />
      ) : null}
      <Form<V> form={form} layout="vertical" initialValues={props.initialValues}>
        {typeof props.children === "function" ? props.children({ rules, form }) : props.children}
      </Form>
    </Modal>
  );
}
