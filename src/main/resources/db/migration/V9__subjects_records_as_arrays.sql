-- The city records move out of table subject into subject_record, as text arrays in 別紙 column order
-- (element n = column n of 別紙2 or 別紙3) instead of jsonb objects keyed by the headers.
--
-- Arrays: the 84 Japanese headers repeated in every row were about three quarters of a 別紙3 record. Measured
-- at 190,000 inserted subjects: 16.7 s with jsonb records, 7.1 s with text arrays, most of the difference being
-- TOAST writes of the keys. The headers live once, in SubjectFileKind (code) and in the two lists below, which
-- SubjectRecordArraysTest keeps equal to it.
--
-- A table of their own: an array record is short enough (about 1 kB) to stay inline, since PostgreSQL only
-- toasts rows over about 2 kB whatever toast_tuple_target says. Inline in subject they made its heap five times
-- wider (five rows a page) and slowed the agents' look-up, which reads subject rows by the thousand and never
-- needs the records; only the subject page and the import do.
create function subject_record_values(r jsonb, headers text[]) returns text[]
    language sql immutable strict
as $$ select array_agg(coalesce(r ->> h, '') order by n) from unnest(headers) with ordinality u(h, n) $$;

create table subject_record (
    address_number  varchar(20) primary key references subject (address_number) on delete cascade,
    index_record    text[],   -- last 別紙2 row, 33 columns
    progress_record text[],   -- 別紙3 row, all 84 columns (the city's 1–54 and the system's 55–84)
    check (index_record is not null or progress_record is not null)
);

insert into subject_record (address_number, index_record, progress_record)
select address_number,
       subject_record_values(index_record,
           '{"区コード","整理番号","宛名番号","氏名カナ","氏名漢字","通称名漢字","性別","生年月日","郵便番号","住所漢字","方書漢字","送付先郵便番号","送付先住所漢字","送付先方書漢字","転入区分","転入日（住民年月日）","受給状況","決定事由","利用券種","判定回数","処理状況","障害種別","被保険者番号","認定申請日","認定申請事由","認定日","要介護認定状態","認定有効開始日","認定有効終了日","継続者フラグ","申請書管理番号","住民となった日","住登区分"}'::text[]),
       subject_record_values(progress_record,
           '{"宛名番号","氏名カナ","氏名漢字","通称名漢字","性別","郵便番号","住所漢字","方書漢字","送付先郵便番号","送付先住所","送付先方書","申請書管理番号","生年月日","交通助成","利用券種","決定事由","被保険者番号","認定申請日","認定申請事由","認定日","要介護認定状態","認定有効開始年月日","認定有効終了年月日","不送付事由（障害種別）","障害者交通助成","障害者利用券種","本人パスピーID","市民区分","ポイント助成対象外","ポイント手帳交付申出者フラグ","ポイント手帳交付申出書受付日","障害・精神ポイント手帳希望者フラグ","原爆入所者フラグ","ポイント手帳不交付","ポイント手帳不交付受付日","ポイント手帳交付停止","ポイント手帳交付停止年度","ポイント手帳交付停止理由","ポイント手帳交付希望","ポイント手帳交付希望日","転入区分","データ使用不同意フラグ","ステータス","追加交付ステータス","処理状況","緊急停止","死亡日","メモ","手帳作成日","手帳受付日","口座受付日","不備状送付日","支払予定日","振込有無","活動4P","活動2P","受診2P_1","受診2P_2","受診2P_3","受診2P_4","受診2P_5","受診2P_6","受診2P_7","受診2P_8","受診2P_9","受診2P_10","受診2P_11","受診2P_12","受診2P_13","受診2P_14","受診2P小計","健康1P","ポイント合計","上限ポイント","支払金額","手帳スキャンイメージファイル名","追加手帳スキャンイメージファイル名","金融機関コード","金融機関名","店舗コード","口座名義人","郵便引受番号","抽出日","備考"}'::text[])
from subject;

alter table subject drop column index_record, drop column progress_record;

drop function subject_record_values(jsonb, text[]);
