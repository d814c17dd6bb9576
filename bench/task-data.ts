// Benchmark data for the task pages, generated in the database with set-based
// INSERT … SELECT generate_series statements, on top of the demo registries (src/server/demo): by default 100,000
// tasks whose PIs, dossier teams and council members are drawn from 50,000 of the registry's people, a dossier with two
// products for every task past the call, 25,000 identification councils of 8 members with a ballot of 5 criteria each
// (1,000,000 ballot scores), and a contract with a tranche and a payment for every task being carried out.
// Deterministic: ids are md5 of the row's number, choices are arithmetic on it, people and organisations are taken in
// the order of their (deterministic) ids. Every row goes through the schema's constraints, foreign keys and triggers.
// The demo accounts get work: `pi` leads ~1 task in 3,000, `expert` sits on 1 council in 1,000.
import { sql } from "drizzle-orm";
import type { Db } from "../src/server/platform/context.js";

export interface TaskBenchOptions {
  tasks: number;
  /** people of the registry the tasks, dossiers and councils draw from */
  people: number;
  /** council ballot scores: 5 criteria × 8 members × councils */
  scores: number;
}

export interface TaskBenchSummary {
  tasks: number;
  people: number;
  dossiers: number;
  products: number;
  councils: number;
  members: number;
  ballots: number;
  scores: number;
  contracts: number;
  payments: number;
  benchUsers: number;
  seconds: Record<string, number>;
}

const MEMBERS = 8;
const CRITERIA = ["urgency", "scope", "no_overlap", "applicability", "resources"];
const TASK_TYPES = ["de_tai", "de_tai", "de_tai", "du_an_sxtn", "du_an_khcn", "de_an", "htqt", "co_so"];
const OUTPUT_TYPES = ["scientific_argument", "model", "solution", "product", "variety", "publication", "patent", "training", "other"];
const TOPICS = [
  "Nghiên cứu ứng dụng công nghệ",
  "Xây dựng mô hình",
  "Phát triển giải pháp",
  "Đánh giá hiện trạng và đề xuất",
  "Nghiên cứu chế tạo",
  "Ứng dụng trí tuệ nhân tạo trong",
];
const SUBJECTS = [
  "quản lý cảng biển",
  "nuôi trồng thủy sản ven biển",
  "xử lý nước thải đô thị",
  "chẩn đoán hình ảnh y tế",
  "giống lúa chịu mặn",
  "vật liệu đóng tàu",
  "logistics và chuỗi cung ứng",
  "bảo tồn di sản văn hóa",
];
/** Steps a task has reached before these carries a PI, a dossier and, later, approved money and a contract. */
const WITH_PI_FROM = "dossier_submitted";
const APPROVED_FROM = "approved";
const ACTIVE = ["contracted", "in_progress", "change_requested", "internal_acceptance", "acceptance_dossier", "acceptance_council"];
const DONE = ["accepted", "registered", "applied", "liquidated"];
const CLOSED = ["liquidated", "applied", "registered", "rejected", "terminated"];

const arr = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/"/g, '\\"')}"`).join(",")}}`;

export async function seedTaskBenchData(db: Db, o: TaskBenchOptions): Promise<TaskBenchSummary> {
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (k: string) => {
    const t = performance.now();
    seconds[k] = Math.round(t - t0) / 1000;
    t0 = t;
  };
  const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute<T & Record<string, unknown>>(q)).rows[0] as T;

  const templates = (
    await db.execute<{ template_key: string; version: number; steps: string[] }>(sql`
      SELECT DISTINCT ON (template_key) template_key, version,
             ARRAY(SELECT s->>'key' FROM jsonb_array_elements(definition->'steps') s) AS steps
        FROM process_template_versions ORDER BY template_key, version DESC`)
  ).rows;
  const base = templates.find((t) => t.template_key === "baseline-2013") ?? templates[0];
  const law = templates.find((t) => t.template_key === "law-2025") ?? base;
  const fields = (
    await db.execute<{ code: string }>(sql`
      SELECT code FROM codes WHERE list_key = 'field' AND level = 2
         AND version = (SELECT max(version) FROM codes WHERE list_key = 'field') ORDER BY code`)
  ).rows.map((r) => r.code);
  const sectors = (
    await db.execute<{ code: string }>(sql`
      SELECT code FROM codes WHERE list_key = 'sector' AND version = (SELECT max(version) FROM codes WHERE list_key = 'sector') ORDER BY code`)
  ).rows.map((r) => r.code);
  const rule = await one<{ key: string; version: number }>(
    sql`SELECT key, version FROM council_rule_sets WHERE kind = 'identification' ORDER BY effective_from DESC, version DESC LIMIT 1`,
  );
  const accounts = await one<{ pi: string; pi_person: string; expert_person: string; officer: string; finance: string; hash: string }>(sql`
    SELECT (SELECT id FROM users WHERE username = 'pi') AS pi, (SELECT person_id FROM users WHERE username = 'pi') AS pi_person,
           (SELECT person_id FROM users WHERE username = 'expert') AS expert_person,
           (SELECT id FROM users WHERE username = 'officer') AS officer, (SELECT id FROM users WHERE username = 'finance') AS finance,
           (SELECT password_hash FROM users WHERE username = 'pi') AS hash`);

  const councils = Math.max(1, Math.floor(o.scores / (MEMBERS * CRITERIA.length)));
  const benchUsers = Math.max(1, Math.min(2000, Math.floor(o.people / 25)));
  // The steps of each template in order; a task's state is drawn from them (older years mostly closed).
  const stepsSql = (steps: string[]) => `'${arr(steps)}'::text[]`;

  await db.transaction(async (tx) => {
    const run = (q: string) => tx.execute(sql.raw(q));
    // A version-4 shaped uuid from md5 of a row's name (deterministic, and valid for the API's uuid checks).
    await run(`CREATE FUNCTION pg_temp.bench_uid(t text) RETURNS uuid LANGUAGE sql IMMUTABLE
      AS $$ SELECT overlay(overlay(md5(t) placing '4' from 13) placing '8' from 17)::uuid $$`);
    await run(`CREATE TEMP TABLE bp ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM people
       WHERE id NOT IN ('${accounts.pi_person}', '${accounts.expert_person}') ORDER BY id LIMIT ${o.people}`);
    await run(`CREATE UNIQUE INDEX ON bp (n)`);
    await run(`CREATE TEMP TABLE bo ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM organisations`);
    await run(`CREATE UNIQUE INDEX ON bo (n)`);
    await run(`CREATE TEMP TABLE bprog ON COMMIT DROP AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id FROM programmes`);
    const np = (await tx.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM bp`))).rows[0].n;
    const no = (await tx.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM bo`))).rows[0].n;
    const nprog = (await tx.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM bprog`))).rows[0].n;

    // Users who own the dossiers (PIs with an account), sharing the demo password's hash.
    await run(`INSERT INTO users (id, username, display_name, password_hash, roles, person_id, created_at, updated_at, password_changed_at)
      SELECT pg_temp.bench_uid('bench-user-' || u), 'bench-pi-' || u, 'Chủ nhiệm ' || u, '${accounts.hash}', '{pi}', bp.id, now(), now(), now()
        FROM generate_series(0, ${benchUsers - 1}) u JOIN bp ON bp.n = u`);
    lap("users");

    // Tasks. s = the index of the state in its template's steps.
    await run(`CREATE TEMP TABLE bt ON COMMIT DROP AS
      SELECT g, pg_temp.bench_uid('bench-task-' || g) AS id, 2000 + g % 27 AS year,
             CASE WHEN g % 5 = 0 THEN '${law.template_key}' ELSE '${base.template_key}' END AS template_key,
             CASE WHEN g % 5 = 0 THEN ${law.version} ELSE ${base.version} END AS template_version,
             CASE WHEN g % 5 = 0 THEN ${stepsSql(law.steps)} ELSE ${stepsSql(base.steps)} END AS steps,
             g % 3000 = 7 AS demo_pi
        FROM generate_series(1, ${o.tasks}) g`);
    await run(`ALTER TABLE bt ADD COLUMN state text`);
    await run(`UPDATE bt SET state = CASE
        WHEN year < 2023 AND g % 10 <> 0 THEN (${stepsSql(CLOSED)})[1 + (g * 7) % ${CLOSED.length}]
        ELSE steps[1 + (g * 13) % array_length(steps, 1)] END`);
    await run(`UPDATE bt SET state = steps[1 + g % array_length(steps, 1)] WHERE NOT state = ANY (steps)`);
    await run(`ALTER TABLE bt ADD COLUMN s int`);
    await run(`UPDATE bt SET s = array_position(steps, state)`);
    await run(`ALTER TABLE bt ADD COLUMN with_pi boolean, ADD COLUMN approved boolean`);
    await run(`UPDATE bt SET with_pi = (state <> 'rejected' AND s >= coalesce(array_position(steps, '${WITH_PI_FROM}'), 1)),
                            approved = (state <> 'rejected' AND s >= coalesce(array_position(steps, '${APPROVED_FROM}'), 1))`);
    await run(`CREATE UNIQUE INDEX ON bt (g)`);
    await run(`CREATE UNIQUE INDEX ON bt (id)`);
    await run(`ANALYZE bt`);
    await run(`ANALYZE bp`);
    await run(`ANALYZE bo`);
    lap("task plan");

    await run(`INSERT INTO tasks (id, code, title_vi, title_en, task_type, level, method, template_key, template_version, state,
                                  state_entered_at, origin, year, programme_id, field_code, sector_code, proposing_organisation_id,
                                  proposer_user_id, rationale, objectives, proposed_budget, proposed_months, pi_person_id,
                                  lead_organisation_id, start_date, end_date, approved_budget_city, approved_budget_other,
                                  decision_number, decision_date, result_grade, registration_code, registered_at, created_at, updated_at)
      SELECT bt.id, 'NV-' || bt.year || '-B' || lpad(bt.g::text, 6, '0'),
             (${stepsSql(TOPICS)})[1 + bt.g % ${TOPICS.length}] || ' ' || (${stepsSql(SUBJECTS)})[1 + (bt.g / ${TOPICS.length}) % ${SUBJECTS.length}] || ' tại Hải Phòng, giai đoạn ' || bt.g,
             'Benchmark task ' || bt.g,
             (${stepsSql(TASK_TYPES)})[1 + (bt.g * 3) % ${TASK_TYPES.length}], 'city',
             CASE WHEN bt.s > 3 THEN (CASE WHEN bt.g % 4 = 0 THEN 'direct' ELSE 'selection' END) END,
             bt.template_key, bt.template_version, bt.state,
             now() - make_interval(mins => bt.g % 100000),
             CASE WHEN bt.year < 2013 THEN 'historical' ELSE 'platform' END, bt.year,
             CASE WHEN ${nprog} > 0 AND bt.g % 4 = 0 THEN (SELECT id FROM bprog WHERE bprog.n = bt.g % greatest(${nprog}, 1)) END,
             (${stepsSql(fields)})[1 + (bt.g * 11) % ${fields.length}],
             (${stepsSql(sectors)})[1 + (bt.g * 17) % ${sectors.length}],
             po.id,
             CASE WHEN bt.demo_pi THEN '${accounts.pi}'::uuid END,
             'Căn cứ đề xuất ' || bt.g, 'Mục tiêu của nhiệm vụ ' || bt.g,
             (200 + (bt.g * 37) % 1800) * 1000000::bigint, 12 + bt.g % 25,
             CASE WHEN bt.demo_pi THEN '${accounts.pi_person}'::uuid WHEN bt.with_pi THEN pp.id END,
             CASE WHEN bt.with_pi OR bt.demo_pi THEN lo.id END,
             CASE WHEN bt.approved THEN make_date(bt.year, 1 + bt.g % 12, 1) END,
             CASE WHEN bt.approved THEN make_date(bt.year, 1 + bt.g % 12, 1) + (12 + bt.g % 25) * 30 END,
             CASE WHEN bt.approved THEN (150 + (bt.g * 37) % 1500) * 1000000::bigint END,
             CASE WHEN bt.approved THEN (bt.g % 5) * 100000000::bigint END,
             CASE WHEN bt.approved THEN bt.g || '/QĐ-SKHCN' END,
             CASE WHEN bt.approved THEN make_date(bt.year, 1 + bt.g % 12, 1) - 10 END,
             CASE WHEN bt.state IN (${DONE.map((x) => `'${x}'`).join(",")}) THEN (CASE WHEN bt.g % 6 = 0 THEN 'excellent' ELSE 'pass' END) END,
             CASE WHEN bt.state IN ('registered', 'applied', 'liquidated') THEN 'DK-B' || lpad(bt.g::text, 6, '0') END,
             CASE WHEN bt.state IN ('registered', 'applied', 'liquidated') THEN now() - make_interval(days => bt.g % 3000) END,
             now() - make_interval(secs => bt.g * 60), now() - make_interval(secs => bt.g * 17)
        FROM bt
        JOIN bp pp ON pp.n = (bt.g * 7919) % ${np}
        JOIN bo lo ON lo.n = (bt.g * 31) % ${no}
        JOIN bo po ON po.n = (bt.g * 53) % ${no}`);
    await run(`ANALYZE tasks`);
    lap("tasks");

    // One dossier per task with a PI, its products; the selected one becomes the task's.
    await run(`INSERT INTO task_dossiers (id, task_id, status, owner_user_id, pi_person_id, lead_organisation_id, objectives, content,
                                          duration_months, start_date, submitted_at, submitted_by, revision, created_at, updated_at)
      SELECT pg_temp.bench_uid('bench-dossier-' || bt.g), t.id,
             CASE WHEN t.approved_budget_city IS NOT NULL OR bt.state = 'terminated' THEN 'selected' ELSE 'submitted' END,
             CASE WHEN bt.demo_pi THEN '${accounts.pi}'::uuid ELSE pg_temp.bench_uid('bench-user-' || (bt.g % ${benchUsers})) END,
             t.pi_person_id, t.lead_organisation_id, t.objectives, 'Nội dung nghiên cứu ' || bt.g, t.proposed_months,
             make_date(t.year, 1 + bt.g % 12, 1), t.created_at + interval '30 days',
             CASE WHEN bt.demo_pi THEN '${accounts.pi}'::uuid ELSE pg_temp.bench_uid('bench-user-' || (bt.g % ${benchUsers})) END, 0,
             t.created_at + interval '20 days', t.created_at + interval '30 days'
        FROM bt JOIN tasks t ON t.id = bt.id
       WHERE t.pi_person_id IS NOT NULL`);
    await run(`INSERT INTO task_dossier_products (dossier_id, position, name, output_type, quantity, unit, quality_target)
      SELECT d.id, k, 'Sản phẩm ' || k, (${stepsSql(OUTPUT_TYPES)})[1 + (bt.g + k * 5) % ${OUTPUT_TYPES.length}], 1 + (bt.g + k) % 5, 'bộ', 'Đạt yêu cầu'
        FROM bt JOIN task_dossiers d ON d.id = pg_temp.bench_uid('bench-dossier-' || bt.g) CROSS JOIN generate_series(1, 2) k`);
    await run(`UPDATE tasks t SET selected_dossier_id = d.id FROM task_dossiers d WHERE d.task_id = t.id AND d.status = 'selected'`);
    await run(`ANALYZE task_dossiers`);
    lap("dossiers");

    // Identification councils: one task each, 8 members, every member's ballot over the 5 criteria.
    await run(`INSERT INTO councils (id, kind, rule_set_key, rule_set_version, title, meeting_at, place, status, quorum_met, invited_at, opened_at,
                                     created_at, updated_at, created_by)
      SELECT pg_temp.bench_uid('bench-council-' || c), 'identification', '${rule.key}', ${rule.version},
             'Hội đồng xác định nhiệm vụ số ' || c, now() - make_interval(hours => c), 'Sở KH&CN', 'in_session', true,
             now() - make_interval(hours => c + 240), now() - make_interval(hours => c),
             now() - make_interval(hours => c + 300), now() - make_interval(mins => c), '${accounts.officer}'::uuid
        FROM generate_series(1, ${councils}) c`);
    await run(`INSERT INTO council_subjects (id, council_id, task_id, position)
      SELECT pg_temp.bench_uid('bench-subject-' || c), pg_temp.bench_uid('bench-council-' || c), pg_temp.bench_uid('bench-task-' || (1 + (c * 4) % ${o.tasks})), 1
        FROM generate_series(1, ${councils}) c`);
    await run(`INSERT INTO council_members (id, council_id, person_id, role, invited_at, declaration_signed_at, declaration_statement, present, created_by, created_at)
      SELECT pg_temp.bench_uid('bench-member-' || c || '-' || k), pg_temp.bench_uid('bench-council-' || c),
             CASE WHEN k = 0 AND c % 1000 = 3 THEN '${accounts.expert_person}'::uuid ELSE bp.id END,
             (ARRAY['chair','vice_chair','reviewer','reviewer','member','member','member','member'])[k + 1],
             now() - make_interval(hours => c + 240), now() - make_interval(hours => c + 1), 'Tôi cam kết khách quan', true,
             '${accounts.officer}'::uuid, now() - make_interval(hours => c + 300)
        FROM generate_series(1, ${councils}) c CROSS JOIN generate_series(0, ${MEMBERS - 1}) k
        JOIN bp ON bp.n = (c * 37 + k * 6151) % ${np}`);
    lap("councils");
    await run(`INSERT INTO council_ballots (id, council_id, member_id, subject_id, status, comment, submitted_at, created_at, updated_at)
      SELECT pg_temp.bench_uid('bench-ballot-' || c || '-' || k), pg_temp.bench_uid('bench-council-' || c), pg_temp.bench_uid('bench-member-' || c || '-' || k),
             pg_temp.bench_uid('bench-subject-' || c), 'submitted', NULL, now() - make_interval(hours => c), now() - make_interval(hours => c + 2),
             now() - make_interval(hours => c)
        FROM generate_series(1, ${councils}) c, generate_series(0, ${MEMBERS - 1}) k`);
    lap("ballots");
    await run(`INSERT INTO council_ballot_scores (ballot_id, criterion_key, met)
      SELECT pg_temp.bench_uid('bench-ballot-' || c || '-' || k), (${stepsSql(CRITERIA)})[j], (c + k * 3 + j) % 7 <> 0
        FROM generate_series(1, ${councils}) c, generate_series(0, ${MEMBERS - 1}) k, generate_series(1, ${CRITERIA.length}) j`);
    lap("scores");
    // Nine councils in ten are concluded (and locked from here on).
    await run(`UPDATE councils SET status = 'concluded', concluded_at = meeting_at + interval '3 hours', concluded_by = '${accounts.officer}'::uuid
                WHERE id IN (SELECT pg_temp.bench_uid('bench-council-' || c) FROM generate_series(1, ${councils}) c WHERE c % 10 <> 0)`);
    lap("conclude");

    // Contracts of the tasks being carried out, with an advance tranche and its payment (one in three awaits approval).
    await run(`INSERT INTO contracts (id, task_id, number, year, status, party_a_name, party_b_organisation_id, pi_person_id, value_city,
                                      value_other, start_date, end_date, prepared_by, signed_by, signed_at, party_a_signed_on, party_b_signed_on,
                                      created_at, updated_at)
      SELECT pg_temp.bench_uid('bench-contract-' || bt.g), t.id, 'B' || bt.g || '/' || t.year || '/HĐ-KHCN', t.year, 'signed',
             'Sở Khoa học và Công nghệ thành phố Hải Phòng', t.lead_organisation_id, t.pi_person_id, t.approved_budget_city,
             coalesce(t.approved_budget_other, 0), t.start_date, t.end_date, '${accounts.officer}'::uuid, '${accounts.finance}'::uuid,
             t.created_at + interval '60 days', t.start_date, t.start_date, t.created_at + interval '50 days', t.created_at + interval '60 days'
        FROM bt JOIN tasks t ON t.id = bt.id
       WHERE bt.state IN (${ACTIVE.map((x) => `'${x}'`).join(",")}) AND t.approved_budget_city IS NOT NULL AND t.pi_person_id IS NOT NULL`);
    await run(`INSERT INTO contract_tranches (id, contract_id, position, kind, label, planned_date, amount_city)
      SELECT pg_temp.bench_uid('bench-tranche-' || c.id), c.id, 1, 'advance', 'Tạm ứng đợt 1', c.start_date, c.value_city / 2 FROM contracts c
       WHERE c.number LIKE 'B%/HĐ-KHCN'`);
    await run(`INSERT INTO contract_payments (contract_id, tranche_id, kind, source, amount, paid_on, reference, status, prepared_by, prepared_at,
                                              decided_by, decided_at)
      SELECT c.id, pg_temp.bench_uid('bench-tranche-' || c.id), 'payment', 'city', greatest(c.value_city / 2, 1), c.start_date, 'UNC-' || c.number,
             CASE WHEN ascii(md5(c.id::text)) % 3 = 0 THEN 'pending' ELSE 'approved' END, '${accounts.finance}'::uuid,
             c.created_at + interval '70 days',
             CASE WHEN ascii(md5(c.id::text)) % 3 = 0 THEN NULL ELSE '${accounts.officer}'::uuid END,
             CASE WHEN ascii(md5(c.id::text)) % 3 = 0 THEN NULL ELSE c.created_at + interval '71 days' END
        FROM contracts c WHERE c.number LIKE 'B%/HĐ-KHCN' AND c.value_city > 0`);
    lap("contracts");
  });
  // The analytics summary's deltas as the upkeep leaves them (it folds them every 15 minutes; platform/maintenance.ts).
  await db.execute(sql`SELECT task_stats_compact()`);
  lap("fold");
  await db.execute(
    sql.raw(`VACUUM ANALYZE task_stat_deltas, users, tasks, task_dossiers, task_dossier_products, councils, council_subjects, council_members, council_ballots,
             council_ballot_scores, contracts, contract_tranches, contract_payments`),
  );
  lap("vacuum");
  const counts = await one<Record<string, number>>(sql`
    SELECT (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM task_dossiers) AS dossiers,
           (SELECT count(*)::int FROM task_dossier_products) AS products, (SELECT count(*)::int FROM councils) AS councils,
           (SELECT count(*)::int FROM council_members) AS members, (SELECT count(*)::int FROM council_ballots) AS ballots,
           (SELECT count(*)::int FROM council_ballot_scores) AS scores, (SELECT count(*)::int FROM contracts) AS contracts,
           (SELECT count(*)::int FROM contract_payments) AS payments`);
  return {
    tasks: counts.tasks,
    people: o.people,
    dossiers: counts.dossiers,
    products: counts.products,
    councils: counts.councils,
    members: counts.members,
    ballots: counts.ballots,
    scores: counts.scores,
    contracts: counts.contracts,
    payments: counts.payments,
    benchUsers,
    seconds,
  };
}
