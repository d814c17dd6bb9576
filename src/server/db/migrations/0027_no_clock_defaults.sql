-- Every timestamp a record carries comes from the application's clock (platform/clock.ts), which tests replace with
-- their own: a column default of now() would take the database server's wall clock instead, and a test that relies on
-- it would pass or fail depending on the day it runs. The defaults are dropped; an insert that forgets a timestamp
-- fails on NOT NULL instead of silently taking the server's time. (schema_migrations, the migrator's own bookkeeping,
-- keeps its default.)
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema()
       AND c.table_name <> 'schema_migrations'
       AND c.column_default ILIKE '%now()%'
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I DROP DEFAULT', r.table_name, r.column_name);
  END LOOP;
END $$;
