-- The officer's work queue (GET /tasks?view=action) at 100,000 tasks: it filters on (template_key, template_version,
-- state) and orders by updated_at. This index carries exactly those columns and the id, so both the count and the
-- page's ids come from an index-only scan; the wide rows are read for the page's ids only.
CREATE INDEX tasks_work_queue ON tasks (state, template_key, template_version) INCLUDE (updated_at, id);
