package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.Outcome;
import jp.ikiiki.desk.keying.Pass;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.BookletScans.ScanImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

/**
 * One business year (令和7年度分) from the city's bundle to the figures of 別紙3 cols 55–75, through the tally's own
 * services as the screens use them: receipt (one booklet past its year's deadline, one scanned twice, one additional),
 * scans of covers printed by the printing module and scanned at 200 dpi with skew and noise (one unreadable, assigned
 * by hand), entry and verify by two operators with one field keyed again and one decided by a floor manager, and the
 * cap of each kind.
 */
class TallyYearEndToEndIT extends TallyITSupport {

	static final String PLAIN = "7750000001";
	static final String SUPPORT = "7750000002";
	static final String CARE = "7750000003";
	static final String DISABLED = "7750000004";
	static final String LATE = "7750000005";
	static final String CHANNEL = "テスト:年度通し";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletScans scans;
	@Autowired
	BookletKeying keying;
	@Autowired
	PointTotals totals;
	@Autowired
	PrintFiles printFiles;
	@Autowired
	ApplicationEvents events;

	private byte[] printedCover(String subject, String mark) {
		var fields = Map.of(PrintFields.NAME, "山田　太郎", PrintFields.APPLICATION_NUMBER, "K" + subject, PrintFields.MARK, mark);
		var out = new ByteArrayOutputStream();
		run("operator1", () -> {
			try {
				printFiles.render("booklet-cover", List.of(new PrintItem(subject, fields)), out);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, "OPERATOR");
		return out.toByteArray();
	}

	/** The printed cover as the contractor's scanner returns it: 200 dpi, skewed, noisy, JPEG, with inside pages. */
	private byte[] scanned(String subject, String mark, double degrees, long seed) {
		var image = ScanFixtures.rasterise(printedCover(subject, mark), 0, 200);
		return ScanFixtures.scannedBooklet(ScanFixtures.skewAndNoise(image, degrees, 0.003, seed), 5, 0.7f);
	}

	private static StampCounts counts(int s4, int s2, int[] checkups, int s1, int v) {
		var c = new ArrayList<Integer>();
		for (int i = 0; i < 14; i++) {
			c.add(i < checkups.length ? checkups[i] : 0);
		}
		return new StampCounts(s4, s2, c, s1, v);
	}

	private void key(String user, long booklet, Pass pass, StampCounts c) {
		for (StampField f : StampField.ALL) {
			run(user, () -> keying.key(booklet, pass, f, c.get(f)), "OPERATOR");
		}
	}

	@Test
	void one_business_year_from_the_citys_bundle_to_the_figures_of_columns_55_to_75() {
		clearTally();
		importSubjects(List.of(progress(PLAIN), progress(SUPPORT, "交通助成", "1", "要介護認定状態", "要支援1"),
				progress(CARE, "交通助成", "1", "要介護認定状態", "要介護4"), progress(DISABLED, "障害者交通助成", "1"),
				progress(LATE)));

		// --- receipt: one bundle of the city, received 2026-06-08, 令和7年度分 ---------------------------------------
		LocalDate cityDate = LocalDate.of(2026, 6, 8);
		var bundle = as("operator1", () -> receipts.openBundle(cityDate, 2025), "OPERATOR");
		var booklets = new java.util.LinkedHashMap<String, Long>();
		for (String s : List.of(PLAIN, SUPPORT, CARE, DISABLED)) {
			booklets.put(s, as("operator1", () -> receipts.receive(new Receipt("*K" + s + "*", cityDate, 2025, BookletKind.MAIN,
					bundle.id()), CHANNEL), "OPERATOR").id());
		}
		long additional = as("operator1", () -> receipts.receive(new Receipt("K" + PLAIN, cityDate, 2025,
				BookletKind.ADDITIONAL, bundle.id()), CHANNEL), "OPERATOR").id();
		assertThatThrownBy(() -> as("operator1", () -> receipts.receive(new Receipt("K" + SUPPORT, cityDate, 2025,
				BookletKind.MAIN, bundle.id()), CHANNEL), "OPERATOR")).isInstanceOf(StateConflictException.class);
		// a 令和6年度分 booklet the city received after its deadline (2026-03-31)
		var late = as("operator1", () -> receipts.openBundle(LocalDate.of(2026, 4, 2), 2025), "OPERATOR");
		assertThatThrownBy(() -> as("operator1", () -> receipts.receive(new Receipt("K" + LATE, LocalDate.of(2026, 4, 2), 2024,
				BookletKind.MAIN, late.id()), CHANNEL), "OPERATOR")).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("提出期限切れ");
		assertThat(as("operator1", () -> receipts.refusals(null, 10), "OPERATOR")).hasSize(2);
		assertThat(events.stream(BookletReceived.class)).hasSize(5);

		// --- scans: printed covers scanned; CARE's cover is smudged and goes to the queue ----------------------------
		var files = new ArrayList<BookletScans.Upload>();
		files.add(BookletScansIT.upload("0001.pdf", scanned(PLAIN, "", 1.5, 1)));
		files.add(BookletScansIT.upload("0002.pdf", scanned(PLAIN, PrintFields.MARK_ADDITIONAL, -2.5, 2)));
		files.add(BookletScansIT.upload("0003.pdf", scanned(SUPPORT, "", 3.0, 3)));
		files.add(BookletScansIT.upload("0004.pdf", ScanFixtures.unreadableBooklet(4)));
		files.add(BookletScansIT.upload("0005.pdf", scanned(DISABLED, "", -1.0, 5)));
		ScanImport imported = as("operator1", () -> scans.importFiles(files, 2025, CHANNEL), "OPERATOR");
		assertThat(imported.linked()).extracting(BookletScans.Linked::storedAs).containsExactlyInAnyOrder(
				"2025_K" + PLAIN + ".pdf", "2025_K" + PLAIN + "_T.pdf", "2025_K" + SUPPORT + ".pdf",
				"2025_K" + DISABLED + ".pdf");
		assertThat(imported.unreadable()).singleElement().satisfies(u -> assertThat(u.queued()).isTrue());
		long queued = imported.unreadable().get(0).queueId();
		var assigned = as("operator1", () -> scans.assign(queued, "K" + CARE, 2025, BookletKind.MAIN, CHANNEL), "OPERATOR");
		assertThat(assigned.scanFile()).isEqualTo("2025_K" + CARE + ".pdf");

		// --- entry by keyer1, verify by verifier ---------------------------------------------------------------------
		var plainMain = counts(20, 10, new int[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }, 6, 2); // 80+20+4+6 = 110
		var plainExtra = counts(2, 0, new int[0], 3, 0); // 11
		var support = counts(15, 4, new int[] { 0, 1 }, 10, 0); // 60+8+2+10 = 80
		var care = counts(10, 5, new int[0], 5, 1); // 40+10+5 = 55
		var disabled = counts(5, 5, new int[] { 0, 0, 2 }, 8, 0); // 20+10+4+8 = 42
		key("keyer1", booklets.get(PLAIN), Pass.ENTRY, plainMain);
		key("keyer1", additional, Pass.ENTRY, plainExtra);
		key("keyer1", booklets.get(SUPPORT), Pass.ENTRY, support);
		key("keyer1", booklets.get(CARE), Pass.ENTRY, care);
		key("keyer1", booklets.get(DISABLED), Pass.ENTRY, disabled);
		for (long id : List.of(booklets.get(PLAIN), additional, booklets.get(SUPPORT), booklets.get(CARE), booklets.get(DISABLED))) {
			assertThat(as("keyer1", () -> keying.complete(id, Pass.ENTRY), "OPERATOR").state()).isEqualTo(BookletState.ENTERED);
		}
		assertThatThrownBy(() -> as("keyer1", () -> keying.key(booklets.get(SUPPORT), Pass.VERIFY, StampField.STAMPS_4P, 15),
				"OPERATOR")).isInstanceOf(StateConflictException.class);

		// SUPPORT: the verifier mistypes 地域の支え手 2P once and keys it again
		long supportId = booklets.get(SUPPORT);
		for (StampField f : StampField.ALL) {
			if (f == StampField.STAMPS_2P) {
				assertThat(as("verifier", () -> keying.key(supportId, Pass.VERIFY, f, 5), "OPERATOR").outcome())
						.isEqualTo(Outcome.REKEY);
			}
			assertThat(as("verifier", () -> keying.key(supportId, Pass.VERIFY, f, support.get(f)), "OPERATOR").outcome())
					.isEqualTo(Outcome.MATCHED);
		}
		// PLAIN main: the two disagree on 健康づくり 1P (6 entered, 7 read twice by the verifier): a decision
		long plainId = booklets.get(PLAIN);
		for (StampField f : StampField.ALL) {
			int v = f == StampField.STAMPS_1P ? 7 : plainMain.get(f);
			as("verifier", () -> keying.key(plainId, Pass.VERIFY, f, v), "OPERATOR");
			if (f == StampField.STAMPS_1P) {
				assertThat(as("verifier", () -> keying.key(plainId, Pass.VERIFY, f, 7), "OPERATOR").outcome())
						.isEqualTo(Outcome.DISPUTED);
			}
		}
		key("verifier", additional, Pass.VERIFY, plainExtra);
		key("verifier", booklets.get(CARE), Pass.VERIFY, care);
		key("verifier", booklets.get(DISABLED), Pass.VERIFY, disabled);
		for (long id : List.of(plainId, additional, supportId, booklets.get(CARE), booklets.get(DISABLED))) {
			as("verifier", () -> keying.complete(id, Pass.VERIFY), "OPERATOR");
		}
		assertThat(as("operator1", () -> receipts.booklet(plainId), "OPERATOR").orElseThrow().state())
				.isEqualTo(BookletState.DISPUTED);
		// until decided, PLAIN's year holds the additional booklet only
		assertThat(as("agent1", () -> totals.points(new AddressNumber(PLAIN), 2025, CHANNEL), "AGENT").total()).isEqualTo(11);

		// the floor manager looks at the scan and decides 7
		var dispute = as("manager1", () -> keying.disputes(), "FLOOR_MANAGER");
		assertThat(dispute).singleElement().satisfies(d -> {
			assertThat(d.pages()).isEqualTo(6);
			assertThat(d.fields()).extracting(BookletKeying.DisputedField::field).containsExactly(StampField.STAMPS_1P);
		});
		assertThat(as("manager1", () -> scans.bookletPage(plainId, 1, CHANNEL), "FLOOR_MANAGER")).isNotEmpty();
		as("manager1", () -> keying.decide(plainId, Map.of(StampField.STAMPS_1P, 7), "スキャンで7個を確認"), "FLOOR_MANAGER");
		assertThat(events.stream(PointsVerified.class)).hasSize(5);

		// --- points and caps of each kind --------------------------------------------------------------------------
		YearPoints plain = as("agent1", () -> totals.points(new AddressNumber(PLAIN), 2025, CHANNEL), "AGENT");
		assertThat(plain.total()).isEqualTo(111 + 11); // the decided 7 instead of 6: 80+20+4+7 = 111
		assertThat(plain.cap()).isEqualTo(100);
		assertThat(plain.credited()).isEqualTo(100);
		assertThat(plain.overCap()).isEqualTo(22);
		assertThat(plain.amountYen()).isEqualTo(10_000);
		assertThat(plain.state()).isEqualTo(YearPoints.State.VERIFIED);
		assertThat(as("agent1", () -> totals.points(new AddressNumber(SUPPORT), 2025, CHANNEL), "AGENT"))
				.satisfies(p -> assertThat(p.total()).isEqualTo(80)).satisfies(p -> assertThat(p.cap()).isEqualTo(75))
				.satisfies(p -> assertThat(p.amountYen()).isEqualTo(7_500));
		assertThat(as("agent1", () -> totals.points(new AddressNumber(CARE), 2025, CHANNEL), "AGENT"))
				.satisfies(p -> assertThat(p.cap()).isEqualTo(50)).satisfies(p -> assertThat(p.amountYen()).isEqualTo(5_000));
		assertThat(as("agent1", () -> totals.points(new AddressNumber(DISABLED), 2025, CHANNEL), "AGENT"))
				.satisfies(p -> assertThat(p.cap()).isEqualTo(40)).satisfies(p -> assertThat(p.amountYen()).isEqualTo(4_000));
		assertThat(as("operator1", () -> totals.overCap(2025), "OPERATOR")).extracting(YearPoints::addressNumber)
				.containsExactly(PLAIN, SUPPORT, CARE, DISABLED);

		// --- 別紙3 cols 55–75 of PLAIN: points per activity kind over both booklets, never typed --------------------
		var figures = as("operator1", () -> totals.figures(new AddressNumber(PLAIN), 2025, CHANNEL), "OPERATOR").orElseThrow();
		assertThat(figures.columns()).containsExactly(
				88, // 55 活動4P: 4 × (20 + 2)
				20, // 56 活動2P: 2 × 10
				2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, // 57–70 受診2P_1 … _14
				4, // 71 受診2P小計
				10, // 72 健康1P: 7 + 3
				122, // 73 ポイント合計
				100, // 74 上限ポイント
				10_000); // 75 支払金額
	}
}
