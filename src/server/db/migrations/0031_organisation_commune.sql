-- Two-level local government since 1/7/2025 (Nghị quyết 1669/NQ-UBTVQH15 for Hải Phòng): an organisation's address
-- names its commune, ward or special zone (code list `admin_unit`); the district (code list `district`) stays on the
-- records made before, as history. Existing organisations start without a commune, listed for an officer to set.
ALTER TABLE organisations ADD COLUMN commune text;
CREATE INDEX organisations_commune_idx ON organisations (commune);
