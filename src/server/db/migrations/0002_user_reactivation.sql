-- When an administrator re-enables an account, the inactivity clock (SECURITY.md 5) starts again from that moment.
ALTER TABLE users ADD COLUMN reactivated_at timestamptz;
