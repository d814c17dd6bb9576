-- Conflicts of interest found late (councils): the check runs again on the current registries when the invitations go
-- out and before each ballot is accepted. A member keeps the lines of their latest check (conflict_lines, with when it
-- ran) and, when a leader or administrator overrode a conflict, the lines that override covers: a conflict line the
-- override does not cover blocks the member again until it is overridden in turn.
ALTER TABLE council_members ADD COLUMN conflict_lines jsonb;
ALTER TABLE council_members ADD COLUMN conflict_checked_at timestamptz;
ALTER TABLE council_members ADD COLUMN conflict_override_lines jsonb;

-- Members of councils still open: their latest kept check, and the check an override was granted on. (A concluded
-- council is locked and is left as it is; an override without its lines covers what was found when it was granted.)
UPDATE council_members m
   SET conflict_lines = (SELECT x.lines FROM council_conflict_checks x
                          WHERE x.council_id = m.council_id AND x.person_id = m.person_id
                          ORDER BY x.checked_at DESC LIMIT 1),
       conflict_checked_at = (SELECT max(x.checked_at) FROM council_conflict_checks x
                               WHERE x.council_id = m.council_id AND x.person_id = m.person_id)
  FROM councils c
 WHERE c.id = m.council_id AND c.status <> 'concluded';
UPDATE council_members m
   SET conflict_override_lines = (SELECT x.lines FROM council_conflict_checks x
                                   WHERE x.council_id = m.council_id AND x.person_id = m.person_id
                                     AND x.checked_at <= m.conflict_overridden_at
                                   ORDER BY x.checked_at DESC LIMIT 1)
  FROM councils c
 WHERE c.id = m.council_id AND c.status <> 'concluded' AND m.conflict_override_by IS NOT NULL;
