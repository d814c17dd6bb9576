-- Paper declarations (councils): a member who scores on paper signs the conflict-of-interest declaration on paper;
-- the council's secretary (an officer) records it with the date it was signed. declaration_signed_at then holds that
-- date (the start of the day, Vietnam time); who recorded it and when are kept beside it.
ALTER TABLE council_members ADD COLUMN declaration_paper boolean NOT NULL DEFAULT false;
ALTER TABLE council_members ADD COLUMN declaration_recorded_by uuid REFERENCES users (id);
ALTER TABLE council_members ADD COLUMN declaration_recorded_at timestamptz;
ALTER TABLE council_members ADD CONSTRAINT council_members_paper_declaration_check
  CHECK (NOT declaration_paper OR (declaration_signed_at IS NOT NULL AND declaration_recorded_by IS NOT NULL AND declaration_recorded_at IS NOT NULL));
