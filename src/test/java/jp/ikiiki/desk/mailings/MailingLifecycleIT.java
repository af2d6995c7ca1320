package jp.ikiiki.desk.mailings;

import jp.ikiiki.desk.shared.JapanTime;
import static jp.ikiiki.desk.mailings.MailingTestData.index;
import static jp.ikiiki.desk.mailings.MailingTestData.progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.ikiiki.desk.platform.ui.WorkItems;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.SubjectImports;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A mailing batch from creation to dispatch against the embedded PostgreSQL, with subjects imported through the
 * subjects module and the print files written by a stand-in for {@code printing.PrintFiles}.
 */
@SpringBootTest
@WithMockUser(username = "mail-op", roles = "OPERATOR")
class MailingLifecycleIT {

	static final String CHANNEL = "テスト";

	@Autowired Mailings mailings;
	@Autowired SubjectImports imports;
	@Autowired JdbcClient jdbc;
	@Autowired MailingsProperties properties;
	@Autowired List<WorkItems> workItems;
	@MockitoBean PrintFiles printFiles;

	final List<String> rendered = new ArrayList<>();

	@BeforeEach
	void clean() throws Exception {
		MailingTestData.clear(jdbc);
		rendered.clear();
		when(printFiles.undecided(anyString(), anyList())).thenReturn(List.of());
		doAnswer(inv -> {
			String form = inv.getArgument(0);
			List<PrintItem> items = inv.getArgument(1);
			OutputStream out = inv.getArgument(2);
			out.write(("%PDF " + form + " " + items.size()).getBytes(StandardCharsets.US_ASCII));
			items.forEach(i -> rendered.add(form + ":" + i.subjectId()));
			return null;
		}).when(printFiles).render(anyString(), anyList(), any(OutputStream.class));
	}

	private void sevenPointsSubjects() {
		MailingTestData.importProgress(imports, List.of(
				progress("77000001", "734-0014"),
				progress("77000002", "730-0013"),
				progress("77000003", "730-0013", "死亡日", "R8.1.10"),
				progress("77000004", "730-0013", "ポイント助成対象外", "1"),
				// a booklet made today: issued for the business year running, which the request batches belong to
				progress("77000005", "730-0013", "手帳作成日", LocalDate.now(JapanTime.ZONE).toString()),
				progress("77000006", "731-0138"),
				progress("77000007", ""),
				progress("77000008", "730-0011")));
	}

	private Map<String, String> reasons(long batch) {
		var map = new java.util.TreeMap<String, String>();
		mailings.exclusions(batch, 0, 100, CHANNEL).forEach(e -> map.merge(e.subjectId(), e.reason().name(), (a, b) -> a + "," + b));
		return map;
	}

	@Test
	void a_booklet_request_batch_leaves_out_each_subject_with_its_reason_and_sorts_the_rest_by_postcode() {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REQUEST", "令和8年9月中旬 交付申出", 2,
				List.of("77000001", "77000002", "77000003", "77000004", "77000005", "77000006", "77000007", "７７０００００１",
						"77009999", "77000008"),
				List.of("77000008")), CHANNEL);

		BatchSummary s = mailings.select(id, MailingProgress.NONE, CHANNEL);

		assertThat(s.status()).isEqualTo(BatchStatus.SELECTED);
		assertThat(s.envelopes()).isEqualTo(3);
		assertThat(s.bundles()).isEqualTo(2);
		assertThat(mailings.envelopes(id, 0, 10, CHANNEL)).extracting(Envelope::subjectId, Envelope::bundleNo, Envelope::bundleSeq)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("77000002", 1, 1),
						org.assertj.core.groups.Tuple.tuple("77000006", 1, 2),
						org.assertj.core.groups.Tuple.tuple("77000001", 2, 1));
		assertThat(reasons(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"77000001", "DUPLICATE_IN_LIST",
				"77000003", "DECEASED",
				"77000004", "NOT_ELIGIBLE",
				"77000005", "ALREADY_ISSUED",
				"77000007", "NO_ADDRESS",
				"77000008", "CANCELLED",
				"77009999", "UNKNOWN_SUBJECT"));
		Envelope first = mailings.envelopes(id, 0, 1, CHANNEL).get(0);
		assertThat(first.postalCode()).isEqualTo("7300013");
		assertThat(first.fields()).containsEntry(PrintFields.NAME, "山田　太郎")
				.containsEntry(PrintFields.NAME_KANA, "ヤマダ　タロウ").containsEntry(PrintFields.POSTCODE, "730-0013")
				.containsEntry(PrintFields.APPLICATION_NUMBER, "K77000002").containsEntry(PrintFields.MARK, "")
				.containsEntry(PrintFields.ISSUE_DATE, JapaneseDates.toEraKanji(LocalDate.now(JapanTime.ZONE)));

		// Asked again before delivery: the same person in a second open batch of the same kind.
		long again = mailings.create(new NewBatch("BOOKLET_REQUEST", "再申出", 0, List.of("77000002"), List.of()), CHANNEL);
		mailings.select(again, MailingProgress.NONE, CHANNEL);
		assertThat(reasons(again)).containsEntry("77000002", "ASKED_AGAIN");
	}

	@Test
	void pulled_out_items_stay_out_of_the_counts_and_the_dispatch_which_updates_the_dates_once() throws Exception {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REQUEST", "引抜と発送", 2, List.of("77000001", "77000002", "77000006"),
				List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		assertThat(mailings.print(id, MailingProgress.NONE, CHANNEL).outcome()).isEqualTo(PrintRun.Outcome.DONE);

		List<PullOut> places = mailings.pullOut("k77000006", "申出取消の連絡", CHANNEL);
		assertThat(places).singleElement().satisfies(p -> {
			assertThat(p.batchId()).isEqualTo(id);
			assertThat(p.bundleNo()).isEqualTo(1);
			assertThat(p.bundleSeq()).isEqualTo(2);
			assertThat(p.already()).isFalse();
		});
		assertThat(mailings.pullOut("77000006", "再度", CHANNEL)).singleElement().extracting(PullOut::already).isEqualTo(true);
		assertThatThrownBy(() -> mailings.pullOut("77000099", "理由", CHANNEL)).isInstanceOf(NotFoundException.class)
				.hasMessageContaining("どの未発送バッチにもありません");

		BatchSummary s = mailings.batch(id).orElseThrow();
		assertThat(s.envelopes()).isEqualTo(2);
		assertThat(s.pulled()).isEqualTo(1);
		assertThat(mailings.postage(id)).extracting(PostageLine::count).containsExactly(2);

		LocalDate today = LocalDate.now(JapanTime.ZONE);
		assertThatThrownBy(() -> mailings.dispatch(id, today.plusDays(1), CHANNEL)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("今日より後");
		assertThatThrownBy(() -> mailings.dispatch(id, today.minusDays(1), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("印刷ファイルを作成した日");
		assertThat(mailings.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);
		BatchSummary sent = mailings.dispatch(id, today, CHANNEL);
		assertThat(sent.status()).isEqualTo(BatchStatus.DISPATCHED);
		assertThat(jdbc.sql("select subject_id from subject_mailing where batch_id = :id order by 1").param("id", id)
				.query(String.class).list()).containsExactly("77000001", "77000002");
		assertThat(jdbc.sql("select distinct dispatched_on from subject_mailing").query(LocalDate.class).list())
				.containsExactly(today);
		assertThatThrownBy(() -> mailings.dispatch(id, today, CHANNEL))
				.isInstanceOf(BatchStateException.class).hasMessageContaining("発送済");
		assertThat(jdbc.sql("select count(*) from subject_mailing").query(Integer.class).single()).isEqualTo(2);
		assertThatThrownBy(() -> mailings.pullOut("77000001", "遅すぎ", CHANNEL)).isInstanceOf(NotFoundException.class);

		// Dispatched booklets count as issued; the pulled-out one does not.
		long next = mailings.create(new NewBatch("BOOKLET_REQUEST", "次回", 0, List.of("77000001", "77000006"), List.of()),
				CHANNEL);
		mailings.select(next, MailingProgress.NONE, CHANNEL);
		assertThat(reasons(next)).containsExactlyEntriesOf(Map.of("77000001", "ALREADY_ISSUED"));
		assertThat(mailings.envelopes(next, 0, 10, CHANNEL)).extracting(Envelope::subjectId).containsExactly("77000006");
	}

	@Test
	void a_booklet_requested_in_june_and_dispatched_does_not_keep_the_person_from_augusts_initial_mailing() {
		sevenPointsSubjects();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		int running = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
		// A batch follows its kind's rule unless told: a request belongs to the year running.
		long plain = mailings.create(new NewBatch("BOOKLET_REQUEST", "今の年度", 0, List.of("77000002"), List.of()), CHANNEL);
		assertThat(mailings.batch(plain).orElseThrow().businessYear()).isEqualTo(running);
		mailings.cancel(plain, "年度の確認のみ", CHANNEL);

		// June: 77000001 asks for a booklet of the year running (令和7年度分), which is sent.
		long june = mailings.create(new NewBatch("BOOKLET_REQUEST", "6月中旬 交付申出", 0, List.of("77000001"), List.of(),
				2025, Map.of()), CHANNEL);
		mailings.select(june, MailingProgress.NONE, CHANNEL);
		mailings.print(june, MailingProgress.NONE, CHANNEL);
		mailings.dispatch(june, today, CHANNEL);
		assertThat(jdbc.sql("select business_year from subject_mailing where batch_id = :id").param("id", june)
				.query(Integer.class).single()).isEqualTo(2025);
		assertThat(mailings.dispatchedSubjects(june)).containsExactly("77000001");

		// August: the initial mailing of 令和8年度分 (2026) sends 77000001 a booklet for the new year.
		long august = mailings.create(new NewBatch("BOOKLET_INITIAL", "8月 初回", 0, List.of(), List.of(), 2026, Map.of()),
				CHANNEL);
		mailings.select(august, MailingProgress.NONE, CHANNEL);
		assertThat(mailings.envelopes(august, 0, 20, CHANNEL)).extracting(Envelope::subjectId).contains("77000001");
		assertThat(reasons(august)).doesNotContainKey("77000001");

		// A second request for 2025 is still refused as already issued.
		long again = mailings.create(new NewBatch("BOOKLET_REQUEST", "6月下旬 交付申出", 0, List.of("77000001"), List.of(),
				2025, Map.of()), CHANNEL);
		mailings.select(again, MailingProgress.NONE, CHANNEL);
		assertThat(reasons(again)).containsEntry("77000001", "ALREADY_ISSUED");
	}

	@Test
	void a_batch_of_given_subjects_prints_each_ones_own_values_and_refuses_what_it_cannot_take() {
		sevenPointsSubjects();
		var given = new java.util.LinkedHashMap<String, Map<String, String>>();
		given.put("77000001", Map.of(PrintFields.TOTAL_POINTS, "42", PrintFields.BUSINESS_YEAR, "令和7年度分"));
		given.put("77000003", Map.of(PrintFields.TOTAL_POINTS, "7", PrintFields.BUSINESS_YEAR, "令和7年度分"));
		long id = mailings.create(new NewBatch(MailingKind.POINTS_NOTICE, "通知", 0, List.of(), List.of(), 2025, given),
				CHANNEL);
		BatchSummary s = mailings.select(id, MailingProgress.NONE, CHANNEL);
		assertThat(s.businessYear()).isEqualTo(2025);
		assertThat(mailings.envelopes(id, 0, 10, CHANNEL)).singleElement().satisfies(e -> {
			assertThat(e.subjectId()).isEqualTo("77000001");
			assertThat(e.fields()).containsEntry(PrintFields.TOTAL_POINTS, "42")
					.containsEntry(PrintFields.NAME, "山田　太郎").containsEntry(PrintFields.POSTCODE, "734-0014");
		});
		assertThat(reasons(id)).containsExactlyEntriesOf(Map.of("77000003", "DECEASED"));

		assertThatThrownBy(() -> mailings.create(new NewBatch(MailingKind.POINTS_NOTICE, "年度なし", 0, List.of(), List.of(),
				null, given), CHANNEL)).isInstanceOf(InvalidInputException.class).hasMessageContaining("事業年度");
		assertThatThrownBy(() -> mailings.create(new NewBatch(MailingKind.POINTS_NOTICE, "項目違い", 0, List.of(),
				List.of(), 2025, Map.of("77000001", Map.of("colour", "red"))), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
		assertThatThrownBy(() -> mailings.create(new NewBatch(MailingKind.POINTS_NOTICE, "空", 0, List.of("77000001"),
				List.of(), 2025, Map.of()), CHANNEL)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void recipients_a_module_gives_are_checked_for_an_address_and_a_repeat_only_and_never_enter_a_subjects_history()
			throws Exception {
		sevenPointsSubjects();
		Map<String, String> values = Map.of(PrintFields.GROUP_NAME, "団体", PrintFields.REPRESENTATIVE, "代表　一郎",
				PrintFields.STAMP_NUMBER, "GS0000001");
		// a subject's batch still open: its subject is not affected by the recipients' batch, nor the other way round
		long booklets = mailings.create(new NewBatch("BOOKLET_REQUEST", "手帳", 0, List.of("77000001"), List.of()),
				CHANNEL);
		mailings.select(booklets, MailingProgress.NONE, CHANNEL);
		long id = mailings.create(NewBatch.ofRecipients("GROUP_STAMPS", "スタンプ", List.of(
				new MailingRecipient("g1", "第一の会", "〒730-0011", "広島市中区基町1-1", values),
				new MailingRecipient("G1", "第一の会（重複）", "730-0011", "広島市中区基町1-1", values),
				new MailingRecipient("G2", "郵便番号なしの会", null, "広島市中区基町2-2", values),
				new MailingRecipient("G3", "郵便番号違いの会", "12345", "広島市中区基町3-3", values),
				new MailingRecipient("G4", "住所なしの会", "730-0012", " ", values),
				new MailingRecipient("G5", "代表者なしの会", "730-0012", "広島市中区上八丁堀5-5", values, "代表者名なし"),
				new MailingRecipient("G6", "第六の会", "７３４－０００７", "広島市南区皆実町6-6", values))), CHANNEL);
		BatchSummary s = mailings.select(id, MailingProgress.NONE, CHANNEL);
		assertThat(s.envelopes()).isEqualTo(2);
		assertThat(mailings.envelopes(id, 0, 10, CHANNEL)).extracting(Envelope::subjectId, Envelope::postalCode)
				.containsExactly(tuple("G1", "7300011"), tuple("G6", "7340007"));
		assertThat(mailings.envelopes(id, 0, 1, CHANNEL).get(0).fields()).containsEntry(PrintFields.NAME, "第一の会")
				.containsEntry(PrintFields.POSTCODE, "730-0011").containsEntry(PrintFields.ADDRESS, "広島市中区基町1-1")
				.containsEntry(PrintFields.STAMP_NUMBER, "GS0000001").containsKey(PrintFields.ISSUE_DATE);
		assertThat(mailings.exclusions(id, 0, 10, CHANNEL)).extracting(Exclusion::subjectId, e -> e.reason().name(),
				Exclusion::detail).containsExactlyInAnyOrder(tuple("G1", "DUPLICATE_IN_LIST", null),
						tuple("G2", "NO_ADDRESS", "郵便番号なし"), tuple("G3", "NO_ADDRESS", "郵便番号が7桁ではありません"),
						tuple("G4", "NO_ADDRESS", "住所なし"), tuple("G5", "NOT_ELIGIBLE", "代表者名なし"));
		assertThat(mailings.envelopes(booklets, 0, 10, CHANNEL)).extracting(Envelope::subjectId).containsExactly("77000001");

		mailings.addRegisteredRange("7860097000", "7860097009", CHANNEL);
		assertThat(mailings.print(id, MailingProgress.NONE, CHANNEL).outcome()).isEqualTo(PrintRun.Outcome.DONE);
		assertThat(rendered).containsExactly("group-registration-notice:G1", "group-registration-notice:G6");
		assertThat(mailings.pullOut(" g6 ", "辞退", CHANNEL)).singleElement().extracting(PullOut::subjectId).isEqualTo("G6");
		assertThat(mailings.postage(id)).singleElement().satisfies(l -> {
			assertThat(l.count()).isEqualTo(1);
			assertThat(l.handling()).isEqualTo("簡易書留");
		});
		BatchSummary sent = mailings.dispatch(id, LocalDate.now(JapanTime.ZONE), CHANNEL);
		assertThat(sent.status()).isEqualTo(BatchStatus.DISPATCHED);
		assertThat(mailings.dispatchedRecipients(id)).containsExactly("G1");
		assertThat(mailings.dispatchedSubjects(id)).isEmpty();
		assertThat(jdbc.sql("select count(*) from subject_mailing where batch_id = :id").param("id", id)
				.query(Integer.class).single()).isZero();
		// The subject's history (the desk, the subject page) shows its own batch only.
		assertThat(mailings.sentTo("77000001", CHANNEL).mailings()).extracting(SubjectMailing::batchId)
				.containsExactly(booklets);

		// What cannot be taken is refused, naming the recipient, and nothing is stored.
		long before = jdbc.sql("select count(*) from mailing_batch").query(Long.class).single();
		assertThatThrownBy(() -> mailings.create(NewBatch.ofRecipients("GROUP_STAMPS", "番号", List.of(
				new MailingRecipient("77000001", "宛名番号の形", "730-0011", "広島市", values))), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("英字で始まる");
		assertThatThrownBy(() -> mailings.create(NewBatch.ofRecipients("GROUP_STAMPS", "名称なし", List.of(
				new MailingRecipient("G7", " ", "730-0011", "広島市", values))), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("G7");
		assertThatThrownBy(() -> mailings.create(NewBatch.ofRecipients("GROUP_STAMPS", "項目違い", List.of(
				new MailingRecipient("G8", "会", "730-0011", "広島市", Map.of("colour", "red")))), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("G8").hasMessageContaining("colour");
		assertThatThrownBy(() -> mailings.create(NewBatch.ofRecipients("GROUP_STAMPS", "空", List.of()), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("宛先がありません");
		assertThat(jdbc.sql("select count(*) from mailing_batch").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void a_print_run_cancelled_between_bundles_restarts_without_writing_any_bundle_twice() throws Exception {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_ADDITIONAL", "中止と再開", 1, List.of("77000001", "77000002",
				"77000006", "77000008"), List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		AtomicInteger calls = new AtomicInteger();
		MailingProgress stopAfterTwo = new MailingProgress() {
			@Override
			public void update(long done, long total, String message) {
			}

			@Override
			public boolean cancelled() {
				return calls.incrementAndGet() > 2;
			}
		};

		PrintRun first = mailings.print(id, stopAfterTwo, CHANNEL);
		assertThat(first.outcome()).isEqualTo(PrintRun.Outcome.CANCELLED);
		assertThat(first.written()).isEqualTo(2);
		assertThat(mailings.batch(id).orElseThrow().printInterrupted()).isTrue();
		assertThat(mailings.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.SELECTED);
		assertThatThrownBy(() -> mailings.dispatch(id, LocalDate.now(), CHANNEL)).isInstanceOf(BatchStateException.class)
				.hasMessageContaining("印刷ファイルがすべて作成された");

		PrintRun second = mailings.print(id, MailingProgress.NONE, CHANNEL);
		assertThat(second.outcome()).isEqualTo(PrintRun.Outcome.DONE);
		assertThat(second.written()).isEqualTo(2);
		assertThat(second.skipped()).isEqualTo(2);
		assertThat(rendered).hasSize(4).doesNotHaveDuplicates();
		verify(printFiles, times(4)).render(eq("booklet-cover"), anyList(), any(OutputStream.class));
		Path dir = properties.outputDir().resolve("batch-" + id);
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
					"batch-" + id + "-bundle-0001-booklet-cover.pdf", "batch-" + id + "-bundle-0002-booklet-cover.pdf",
					"batch-" + id + "-bundle-0003-booklet-cover.pdf", "batch-" + id + "-bundle-0004-booklet-cover.pdf");
		}
		assertThat(mailings.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);
		// A third run finds everything written and writes nothing.
		assertThat(mailings.print(id, MailingProgress.NONE, CHANNEL).written()).isZero();
		assertThat(rendered).hasSize(4);
	}

	@Test
	void undecided_characters_stop_the_run_before_anything_is_written() {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REISSUE", "外字", 0, List.of("77000001"), List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		var u = new UnprintableText("77000001", PrintFields.NAME, "山田　〓郎", List.of("〓"));
		when(printFiles.undecided(eq("booklet-cover"), anyList())).thenReturn(List.of(u));

		PrintRun run = mailings.print(id, MailingProgress.NONE, CHANNEL);

		assertThat(run.outcome()).isEqualTo(PrintRun.Outcome.UNDECIDED);
		assertThat(run.undecided()).containsExactly(u);
		assertThat(rendered).isEmpty();
		assertThat(mailings.batch(id).orElseThrow().bundlesWritten()).isZero();
	}

	@Test
	void reissues_are_counted_per_person_and_marked_on_the_cover() {
		sevenPointsSubjects();
		for (int round = 1; round <= 2; round++) {
			long id = mailings.create(new NewBatch("BOOKLET_REISSUE", "再交付 " + round, 0, List.of("77000001"), List.of()),
					CHANNEL);
			mailings.select(id, MailingProgress.NONE, CHANNEL);
			Envelope e = mailings.envelopes(id, 0, 1, CHANNEL).get(0);
			assertThat(e.reissueNo()).isEqualTo(round);
			assertThat(e.fields()).containsEntry(PrintFields.MARK, PrintFields.MARK_REISSUE);
			mailings.print(id, MailingProgress.NONE, CHANNEL);
			mailings.dispatch(id, LocalDate.now(JapanTime.ZONE), CHANNEL);
		}
		assertThat(mailings.reissueCount("77000001")).isEqualTo(2);
		assertThat(mailings.reissueCount("77000002")).isZero();
	}

	@Test
	void grant_notices_get_registered_numbers_from_the_ranges_and_never_reuse_one() throws Exception {
		MailingTestData.importIndex(imports, List.of(index("77100001", "730-0013"), index("77100002", "733-0815"),
				index("77100003", "730-0011"), index("77100004", "730-0011", "利用券種", "")));
		long id = mailings.create(new NewBatch("GRANT_NOTICE", "令和8年9月 交付決定", 0,
				List.of("77100001", "77100002", "77100003", "77100004"), List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		assertThat(reasons(id)).containsExactlyEntriesOf(Map.of("77100004", "NOT_ELIGIBLE"));

		assertThatThrownBy(() -> mailings.print(id, MailingProgress.NONE, CHANNEL)).isInstanceOf(StateConflictException.class)
				.hasMessageContaining("引受番号が足りません");
		assertThat(mailings.addRegisteredRange("7860012340", "786-00-12341-" + (7860012341L % 7), CHANNEL)).isEqualTo(2);
		assertThatThrownBy(() -> mailings.print(id, MailingProgress.NONE, CHANNEL)).hasMessageContaining("必要 3 件、残り 2 件");
		assertThat(jdbc.sql("select count(*) from mailing_envelope where registered_number is not null")
				.query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> mailings.addRegisteredRange("7860012341", "7860012345", CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("重なって");
		mailings.addRegisteredRange("7860020000", "7860020009", CHANNEL);

		assertThat(mailings.print(id, MailingProgress.NONE, CHANNEL).outcome()).isEqualTo(PrintRun.Outcome.DONE);

		List<Envelope> envelopes = mailings.envelopes(id, 0, 10, CHANNEL);
		assertThat(envelopes).extracting(Envelope::registeredNumber).containsExactly(
				"7860012340" + 7860012340L % 7, "7860012341" + 7860012341L % 7, "7860020000" + 7860020000L % 7);
		assertThat(envelopes.get(0).fields()).containsEntry(PrintFields.TICKET_TYPE, "タクシー券")
				.containsEntry(PrintFields.AMOUNT, "10,000")
				.containsEntry(PrintFields.REGISTERED_MAIL_NUMBER, "786-00-12340-" + 7860012340L % 7);
		assertThat(mailings.registeredNumbersLeft()).isEqualTo(9);
		assertThat(rendered).containsExactly("grant-notice:77100003", "grant-notice:77100001", "grant-notice:77100002");

		// Pull out by the 引受番号 as printed; the list for the city no longer has it, and its number is not reused.
		assertThat(mailings.pullOut("786-00-20000-" + 7860020000L % 7, "宛先不明", CHANNEL)).singleElement()
				.extracting(PullOut::subjectId).isEqualTo("77100002");
		MailingDownload list = mailings.registeredNumbersXlsx(id, CHANNEL);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(list.content()))) {
			Sheet sheet = wb.getSheetAt(0);
			var fmt = new DataFormatter();
			assertThat(fmt.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("引受番号");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(fmt.formatCellValue(sheet.getRow(2).getCell(1))).isEqualTo("786-00-12340-" + 7860012340L % 7);
			assertThat(fmt.formatCellValue(sheet.getRow(2).getCell(3))).isEqualTo("77100003");
			assertThat(fmt.formatCellValue(sheet.getRow(2).getCell(2))).isEqualTo("730-0011");
			assertThat(fmt.formatCellValue(sheet.getRow(3).getCell(3))).isEqualTo("77100001");
		}
		MailingDownload slip = mailings.postageXlsx(id, CHANNEL);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(slip.content()))) {
			Sheet sheet = wb.getSheetAt(0);
			var fmt = new DataFormatter();
			assertThat(fmt.formatCellValue(sheet.getRow(5).getCell(3))).isEqualTo("簡易書留");
			assertThat(sheet.getRow(5).getCell(4).getNumericCellValue()).isEqualTo(2.0);
			assertThat(fmt.formatCellValue(sheet.getRow(6).getCell(0))).isEqualTo("合計");
		}
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DOWNLOAD' and file_name like '%バッチ' || :id || '.xlsx'")
				.param("id", id).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void a_pull_out_list_with_a_bad_row_changes_nothing_and_names_the_row() {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REQUEST", "引抜リスト", 0, List.of("77000001", "77000002"), List.of()),
				CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		byte[] bad = "番号,理由\n77000001,転出\n77000055,不明\n".getBytes(StandardCharsets.UTF_8);

		PullOutImport rejected = mailings.importPullOuts("引抜.csv", new ByteArrayInputStream(bad), CHANNEL);

		assertThat(rejected.pulled()).isEmpty();
		assertThat(rejected.errors()).containsExactly("3行目: 番号 77000055 はどの未発送バッチにもありません");
		assertThat(mailings.batch(id).orElseThrow().pulled()).isZero();

		byte[] good = "番号,理由\n77000001,転出\nK77000002,死亡\n".getBytes(StandardCharsets.UTF_8);
		PullOutImport applied = mailings.importPullOuts("引抜.csv", new ByteArrayInputStream(good), CHANNEL);
		assertThat(applied.errors()).isEmpty();
		assertThat(applied.pulled()).extracting(PullOut::subjectId).containsExactly("77000001", "77000002");
		assertThat(mailings.batch(id).orElseThrow().pulled()).isEqualTo(2);
		assertThat(mailings.batch(id).orElseThrow().envelopes()).isZero();
	}

	@Test
	void whole_population_kinds_read_the_citys_files_and_leave_out_moved_out_subjects() {
		var p1 = progress("77300001", "730-0011", "転入区分", "転入");
		var p2 = progress("77300002", "730-0012");
		var p3 = progress("77300003", "730-0013");
		var p4 = progress("77300004", "730-0014", "ポイント手帳交付停止", "1");
		MailingTestData.importProgress(imports, List.of(p1, p2, p3, p4));
		MailingTestData.importProgress(imports, List.of(p1, p2, p4)); // 77300003 is no longer in the city's file

		long movers = mailings.create(new NewBatch("BOOKLET_MOVERS_IN", "10月 転入者", 0, List.of(), List.of()), CHANNEL);
		mailings.select(movers, MailingProgress.NONE, CHANNEL);
		assertThat(mailings.envelopes(movers, 0, 10, CHANNEL)).extracting(Envelope::subjectId).containsExactly("77300001");
		assertThat(reasons(movers)).isEmpty();

		long initial = mailings.create(new NewBatch("BOOKLET_INITIAL", "8月 初回", 0, List.of("ignored"), List.of()), CHANNEL);
		mailings.select(initial, MailingProgress.NONE, CHANNEL);
		assertThat(mailings.envelopes(initial, 0, 10, CHANNEL)).extracting(Envelope::subjectId).containsExactly("77300002");
		assertThat(reasons(initial)).containsExactlyInAnyOrderEntriesOf(Map.of("77300001", "IN_OTHER_BATCH",
				"77300003", "MOVED_OUT", "77300004", "NOT_ELIGIBLE"));

		MailingTestData.importIndex(imports, List.of(index("77300011", "730-0011"), index("77300012", "730-0012")));
		long applications = mailings.create(new NewBatch("SUBSIDY_APPLICATION", "6月 申請書", 0, List.of(), List.of()),
				CHANNEL);
		assertThat(mailings.select(applications, MailingProgress.NONE, CHANNEL).envelopes()).isEqualTo(2);
	}

	@Test
	@WithMockUser(username = "floor", roles = "FLOOR_MANAGER")
	void a_floor_manager_reads_batches_but_changes_nothing() {
		assertThat(mailings.batches(0, 10)).isNotNull();
		assertThatThrownBy(() -> mailings.create(new NewBatch("BOOKLET_REQUEST", "x", 0, List.of("1"), List.of()), CHANNEL))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> mailings.pullOut("1", "x", CHANNEL))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void a_withdrawn_batch_frees_its_subjects_for_another_batch_and_refuses_every_further_step() {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REQUEST", "誤って作成", 1, List.of("77000001", "77000002"),
				List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		assertThatThrownBy(() -> mailings.cancel(id, "  ", CHANNEL)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("取消の理由");

		BatchSummary withdrawn = mailings.cancel(id, "対象者リストの誤り", CHANNEL);

		assertThat(withdrawn.status()).isEqualTo(BatchStatus.CANCELLED);
		assertThat(withdrawn.cancelReason()).isEqualTo("対象者リストの誤り");
		assertThatThrownBy(() -> mailings.print(id, MailingProgress.NONE, CHANNEL)).isInstanceOf(BatchStateException.class)
				.hasMessageContaining("「取消」");
		assertThatThrownBy(() -> mailings.select(id, MailingProgress.NONE, CHANNEL)).isInstanceOf(BatchStateException.class);
		assertThatThrownBy(() -> mailings.dispatch(id, LocalDate.now(JapanTime.ZONE), CHANNEL))
				.isInstanceOf(BatchStateException.class);
		assertThatThrownBy(() -> mailings.cancel(id, "二度目", CHANNEL)).isInstanceOf(BatchStateException.class)
				.satisfies(e -> assertThat(((BatchStateException) e).properties()).containsEntry("status", "CANCELLED"));
		// Its envelopes no longer hold anybody: not found for a pull-out, not "asked again" in the next batch.
		assertThatThrownBy(() -> mailings.pullOut("77000001", "理由", CHANNEL)).isInstanceOf(NotFoundException.class);
		long next = mailings.create(new NewBatch("BOOKLET_REQUEST", "作り直し", 0, List.of("77000001", "77000002"),
				List.of()), CHANNEL);
		assertThat(mailings.select(next, MailingProgress.NONE, CHANNEL).envelopes()).isEqualTo(2);
		assertThat(reasons(next)).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where detail like :d").param("d", "郵送バッチ " + id + " 取消%")
				.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void two_operators_dispatching_one_batch_at_once_record_it_once() throws Exception {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REQUEST", "同時発送", 0, List.of("77000001", "77000002"),
				List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		mailings.print(id, MailingProgress.NONE, CHANNEL);
		var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<String>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(new org.springframework.security.concurrent.DelegatingSecurityContextCallable<>(
						() -> {
							start.await();
							try {
								mailings.dispatch(id, LocalDate.now(JapanTime.ZONE), CHANNEL);
								return "ok";
							} catch (BatchStateException e) {
								return "refused";
							}
						}, context)));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (var r : results) {
				outcomes.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(outcomes).containsExactlyInAnyOrder("ok", "refused");
		} finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from subject_mailing where batch_id = :id").param("id", id)
				.query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void a_list_entry_that_is_no_address_number_is_refused_naming_the_list_and_the_entry() {
		assertThatThrownBy(() -> mailings.create(new NewBatch("BOOKLET_REQUEST", "不正なリスト", 0,
				List.of("77000001", "山田太郎", "77000002"), List.of()), CHANNEL))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("対象者リスト").hasMessageContaining("山田太郎")
				.satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("対象者リスト"));
		assertThatThrownBy(() -> mailings.create(new NewBatch("NO_SUCH_KIND", "x", 0, List.of("1"), List.of()), CHANNEL))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("種類");
		assertThat(mailings.batches(0, 10)).isEmpty();
	}

	@Test
	void the_envelope_and_exclusion_lists_filter_count_sort_and_export_what_they_show() throws Exception {
		sevenPointsSubjects();
		long id = mailings.create(new NewBatch("BOOKLET_REQUEST", "一覧", 2, List.of("77000001", "77000002",
				"77000003", "77000006", "77000007"), List.of()), CHANNEL);
		mailings.select(id, MailingProgress.NONE, CHANNEL);
		mailings.pullOut("77000006", "転出", CHANNEL);

		assertThat(mailings.envelopeCount(id, EnvelopeFilter.ALL)).isEqualTo(3);
		assertThat(mailings.envelopeCount(id, new EnvelopeFilter(2, null, null, null))).isEqualTo(1);
		assertThat(mailings.envelopes(id, new EnvelopeFilter(null, null, true, null), 0, 10, CHANNEL))
				.extracting(Envelope::subjectId).containsExactly("77000006");
		assertThat(mailings.envelopes(id, new EnvelopeFilter(null, "k7700000", false, EnvelopeFilter.Order.SUBJECT_DESC),
				0, 10, CHANNEL)).extracting(Envelope::subjectId).containsExactly("77000002", "77000001");
		assertThat(mailings.envelopeCount(id, new EnvelopeFilter(null, "山田太郎", null, null))).isEqualTo(3);
		assertThat(mailings.envelopeCount(id, new EnvelopeFilter(null, "100%_", null, null))).isZero();
		assertThat(mailings.exclusionCount(id, new ExclusionFilter(ExclusionReason.DECEASED, null, false, false)))
				.isEqualTo(1);
		assertThat(mailings.exclusions(id, new ExclusionFilter(null, null, true, true), 0, 10, CHANNEL))
				.extracting(x -> x.reason().name()).containsExactly("NO_ADDRESS", "DECEASED");

		var out = new java.io.ByteArrayOutputStream();
		mailings.writeEnvelopesXlsx(id, EnvelopeFilter.ALL, out, CHANNEL);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = wb.getSheetAt(0);
			var fmt = new DataFormatter();
			assertThat(fmt.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo("郵便番号");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(fmt.formatCellValue(sheet.getRow(2).getCell(2))).isEqualTo("730-0013");
			assertThat(fmt.formatCellValue(sheet.getRow(2).getCell(3))).isEqualTo("77000002");
			assertThat(fmt.formatCellValue(sheet.getRow(3).getCell(9))).isEqualTo("転出");
		}
		var excluded = new java.io.ByteArrayOutputStream();
		mailings.writeExclusionsXlsx(id, ExclusionFilter.ALL, excluded, CHANNEL);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(excluded.toByteArray()))) {
			var fmt = new DataFormatter();
			assertThat(fmt.formatCellValue(wb.getSheetAt(0).getRow(2).getCell(1))).isEqualTo("死亡");
		}
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'DOWNLOAD' and file_name like '%バッチ' || :id || '.xlsx'")
				.param("id", id).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void the_operators_work_list_counts_batches_interrupted_awaiting_decisions_and_printed_not_dispatched() {
		sevenPointsSubjects();
		long interrupted = mailings.create(new NewBatch("BOOKLET_ADDITIONAL", "中断", 1, List.of("77000001", "77000002"),
				List.of()), CHANNEL);
		mailings.select(interrupted, MailingProgress.NONE, CHANNEL);
		AtomicInteger calls = new AtomicInteger();
		mailings.print(interrupted, new MailingProgress() {
			@Override
			public void update(long done, long total, String message) {
			}

			@Override
			public boolean cancelled() {
				return calls.incrementAndGet() > 1;
			}
		}, CHANNEL);
		long undecided = mailings.create(new NewBatch("BOOKLET_REISSUE", "外字待ち", 0, List.of("77000006"), List.of()),
				CHANNEL);
		mailings.select(undecided, MailingProgress.NONE, CHANNEL);
		when(printFiles.undecided(eq("booklet-cover"), anyList())).thenReturn(
				List.of(new UnprintableText("77000006", PrintFields.NAME, "山田　〓郎", List.of("〓"))));
		mailings.print(undecided, MailingProgress.NONE, CHANNEL);
		when(printFiles.undecided(anyString(), anyList())).thenReturn(List.of());
		long printed = mailings.create(new NewBatch("BOOKLET_REQUEST", "印刷済", 0, List.of("77000008"), List.of()),
				CHANNEL);
		mailings.select(printed, MailingProgress.NONE, CHANNEL);
		mailings.print(printed, MailingProgress.NONE, CHANNEL);

		Map<String, Long> counts = new java.util.HashMap<>();
		workItems.forEach(w -> w.forCurrentUser().stream().filter(i -> i.route().equals("mailings"))
				.forEach(i -> counts.put(i.title(), i.count())));

		assertThat(counts).containsEntry("中断した印刷ファイル作成", 1L).containsEntry("外字判断待ちの郵送バッチ", 1L)
				.containsEntry("印刷済・未発送の郵送バッチ", 1L);
		assertThat(mailings.batch(undecided).orElseThrow().awaitingCharacterDecisions()).isTrue();
		// Deciding and printing clears the mark.
		mailings.print(undecided, MailingProgress.NONE, CHANNEL);
		assertThat(mailings.batch(undecided).orElseThrow().undecided()).isZero();
	}

	@Test
	@WithMockUser(username = "floor", roles = "FLOOR_MANAGER")
	void a_floor_manager_gets_no_mailing_work_items() {
		assertThat(workItems.stream().flatMap(w -> w.forCurrentUser().stream()).filter(i -> i.route().equals("mailings")))
				.isEmpty();
	}

	@Test
	void a_cancelled_selection_changes_nothing_and_a_new_one_starts_afresh() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			rows.add(progress(String.valueOf(77400000 + i), "73" + String.format("%05d", 1200 - i)));
		}
		MailingTestData.importProgress(imports, rows);
		long id = mailings.create(new NewBatch("BOOKLET_INITIAL", "中止する抽出", 0, List.of(), List.of()), CHANNEL);
		List<Long> totals = new ArrayList<>();
		MailingProgress cancelling = new MailingProgress() {
			@Override
			public void update(long done, long total, String message) {
				totals.add(total);
			}

			@Override
			public boolean cancelled() {
				return true;
			}
		};

		assertThatThrownBy(() -> mailings.select(id, cancelling, CHANNEL))
				.isInstanceOf(java.util.concurrent.CancellationException.class);
		BatchSummary after = mailings.batch(id).orElseThrow();
		assertThat(after.status()).isEqualTo(BatchStatus.NEW);
		assertThat(after.envelopes()).isZero();
		assertThat(after.excluded()).isZero();

		List<Long> seen = new ArrayList<>();
		BatchSummary done = mailings.select(id, new MailingProgress() {
			@Override
			public void update(long d, long total, String message) {
				seen.add(total);
			}

			@Override
			public boolean cancelled() {
				return false;
			}
		}, CHANNEL);
		assertThat(done.envelopes()).isEqualTo(1200);
		assertThat(done.bundles()).isEqualTo(3);
		assertThat(seen).contains(1200L);
		assertThat(mailings.envelopes(id, 0, 2, CHANNEL)).extracting(Envelope::subjectId).containsExactly("77401199", "77401198");
		// Selecting again replaces the selection: still one envelope per subject.
		assertThat(mailings.select(id, MailingProgress.NONE, CHANNEL).envelopes()).isEqualTo(1200);
	}
}
