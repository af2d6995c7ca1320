-- Comments on the deliverables module's tables, so that the data model in the handover package (第9章1(4)), read
-- from the catalogue, explains them to the next contractor.
comment on table deliverable is '提出物の期間（第9章1(2), 第1章5(1)）: 種類と期間ごとに1行。状態は DeliverableState の遷移のみ';
comment on column deliverable.kind is '提出物の種類コード（DeliverableKinds: PROGRESS_LIST など）';
comment on column deliverable.period is '期間キー: yyyy-MM、毎月2回は yyyy-MM-M / yyyy-MM-L、随時は発生のキー';
comment on column deliverable.due_on is '提出期限（開庁日）';
comment on column deliverable.state is 'DUE, GENERATED, REJECTED, CHECKED, DELIVERED, DOWNLOADED';
comment on column deliverable.file_id is '現在のファイル（deliverable_file.id）';
comment on column deliverable.check_note is '差戻しの理由（第三者確認）';
comment on table deliverable_file is '提出物のファイル: 作成時のスナップショットから作られ、変更・削除不可（トリガー）。消去は契約終了時のみ';
comment on column deliverable_file.sha256 is 'content の SHA-256（16進）。取得のたびに照合';
comment on column deliverable_file.content is 'ファイルの内容（バイト列）';
comment on column deliverable_file.snapshot_at is '作成に使った REPEATABLE READ トランザクションの開始時刻';
comment on table deliverable_download is '提出物ファイルの取得記録（監査ログとは別に保持）';
comment on column deliverable_download.city_staff is '市職員による取得か';
comment on column deliverable_download.channel is '取得した画面または API';
comment on table work_report_note is '作業報告書（第1章5(1)）の月別・KPI別の記述（実施内容・今後の対策）';
comment on column work_report_note.month is '対象月 yyyy-MM';
comment on column work_report_note.kpi is 'KPI のキー';
