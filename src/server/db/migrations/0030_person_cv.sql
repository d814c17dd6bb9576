-- The scientific CV (lý lịch khoa học, Mẫu B1-4-LLCN of Thông tư 08/2017/TT-BKHCN) asks for three items the people
-- registry did not keep: 8. the training history (each degree: level, institution, speciality, year), 9. foreign
-- languages (listening, speaking, writing, reading, each Tốt / Khá / Trung bình) and 14. awards (name, year, awarded
-- by). Each is a short list read and written whole with the person (validated by the API's schema), so it is kept on
-- the person as jsonb rather than in tables of its own. Existing people start with empty lists (a constant default).
ALTER TABLE people
  ADD COLUMN education jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN languages jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN awards jsonb NOT NULL DEFAULT '[]'::jsonb;
