-- A process template version's note in each language (it was one text holding both): the column "note" becomes
-- note_vi beside a new note_en, and the stored definitions' "note" becomes "noteVi" / "noteEn". The two shipped
-- versions get their texts split; a version an administrator added keeps its note as the Vietnamese one. Versions
-- are immutable (0006): the trigger is set aside for this one change.
ALTER TABLE process_template_versions RENAME COLUMN note TO note_vi;
ALTER TABLE process_template_versions ADD COLUMN note_en text;
ALTER TABLE process_template_versions DISABLE TRIGGER process_template_versions_no_change;

UPDATE process_template_versions
   SET definition = (definition - 'note') || jsonb_build_object('noteVi', definition -> 'note')
 WHERE definition ? 'note';

UPDATE process_template_versions
   SET note_vi = 'Hội đồng tuyển chọn / giao trực tiếp theo TT 20/2023/TT-BKHCN từ 27/11/2023; đợt đã thông báo trước đó theo TT 08/2017/TT-BKHCN. Nghiệm thu cơ sở là tuỳ chọn.',
       note_en = 'Selection councils follow TT 20/2023 from 27/11/2023 (calls announced earlier: TT 08/2017); internal acceptance is optional.',
       definition = definition || jsonb_build_object('noteVi', 'Hội đồng tuyển chọn / giao trực tiếp theo TT 20/2023/TT-BKHCN từ 27/11/2023; đợt đã thông báo trước đó theo TT 08/2017/TT-BKHCN. Nghiệm thu cơ sở là tuỳ chọn.'::text, 'noteEn', 'Selection councils follow TT 20/2023 from 27/11/2023 (calls announced earlier: TT 08/2017); internal acceptance is optional.'::text)
 WHERE template_key = 'baseline-2013' AND version = 1 AND note_vi = 'Hội đồng tuyển chọn / giao trực tiếp theo TT 20/2023/TT-BKHCN từ 27/11/2023; đợt đã thông báo trước đó theo TT 08/2017/TT-BKHCN. Nghiệm thu cơ sở là tuỳ chọn. Selection councils follow TT 20/2023 from 27/11/2023 (calls announced earlier: TT 08/2017); internal acceptance is optional.';

UPDATE process_template_versions
   SET note_vi = '(check) Chưa đối chiếu văn bản chính thức: thành phần và số thành viên hội đồng xét tài trợ / đặt hàng (NĐ 267/2025, TT 36/2025), thủ tục khoán chi đến sản phẩm cuối cùng và quyết toán (NĐ 262/2025), điều kiện kết thúc có chấp nhận rủi ro.',
       note_en = '(check) Not yet confirmed from the official texts: composition of the funding/ordering review council, lump-sum settlement steps, and the conditions for closing a task with accepted research risk.',
       definition = definition || jsonb_build_object('noteVi', '(check) Chưa đối chiếu văn bản chính thức: thành phần và số thành viên hội đồng xét tài trợ / đặt hàng (NĐ 267/2025, TT 36/2025), thủ tục khoán chi đến sản phẩm cuối cùng và quyết toán (NĐ 262/2025), điều kiện kết thúc có chấp nhận rủi ro.'::text, 'noteEn', '(check) Not yet confirmed from the official texts: composition of the funding/ordering review council, lump-sum settlement steps, and the conditions for closing a task with accepted research risk.'::text)
 WHERE template_key = 'law-2025' AND version = 1 AND note_vi = '(check) Chưa đối chiếu văn bản chính thức: thành phần và số thành viên hội đồng xét tài trợ / đặt hàng (NĐ 267/2025, TT 36/2025), thủ tục khoán chi đến sản phẩm cuối cùng và quyết toán (NĐ 262/2025), điều kiện kết thúc có chấp nhận rủi ro. (check) Not yet confirmed from the official texts: composition of the funding/ordering review council, lump-sum settlement steps, and the conditions for closing a task with accepted research risk.';

ALTER TABLE process_template_versions ENABLE TRIGGER process_template_versions_no_change;
