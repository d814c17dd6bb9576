// Create or edit a person of the registry (the shared record form: contract validation, version, conflicts).
import { useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { Form } from "antd";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../common/api/person";
import { api } from "../../app/api";
import { RecordForm } from "../../components/RecordForm";
import { PageHeader, RecordLoading } from "../../components/states";
import { emptyPerson, personCompareFields, PersonFields, personToBody, personToValues, type PersonValues } from "./PersonForm";
import { personQuery } from "./PersonDetailPage";

export function PersonEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<PersonValues>();
  const q = useQuery({ ...personQuery(id ?? ""), enabled: !!id });
  const back = id ? `/people/${id}` : "/people";

  if (id && (q.isPending || q.isError)) return <RecordLoading title={t("people.edit")} back={back} query={q} rows={10} />;

  const record = id ? q.data : undefined;
  return (
    <>
      <PageHeader title={record ? t("people.editTitle", { name: record.fullName }) : t("people.create")} back={back} />
      <RecordForm<Person, PersonValues>
        key={record?.id ?? "new"}
        form={form}
        record={record}
        initialValues={emptyPerson}
        toValues={personToValues}
        toBody={(v) => personToBody(v)}
        create={(body) => api.post<Person>("/people", body)}
        update={(pid, body) => api.put<Person>(`/people/${pid}`, body)}
        compare={personCompareFields(t)}
        resource="people"
        onSaved={(p) => navigate(`/people/${p.id}`)}
        onCancel={() => navigate(back)}
      >
        <PersonFields />
      </RecordForm>
    </>
  );
}
