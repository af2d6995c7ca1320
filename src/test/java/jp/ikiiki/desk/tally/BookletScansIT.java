package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.tally.BookletReceipts.Receipt;
import jp.ikiiki.desk.tally.BookletScans.ScanImport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BookletScansIT extends TallyITSupport {

	static final String A = "7730000001";
	static final String B = "7730000002";
	static final String C = "7730000003";

	@Autowired
	BookletReceipts receipts;
	@Autowired
	BookletScans scans;

	@BeforeEach
	void subjects() {
		clearTally();
		importSubjects(List.of(progress(A), progress(B), progress(C)));
	}

	private BookletSummary receive(String subject, int year, LocalDate on, BookletKind kind) {
		return as("operator1", () -> receipts.receive(new Receipt("K" + subject, on, year, kind, null), "テスト"), "OPERATOR");
	}

	static BookletScans.Upload upload(String name, byte[] content) {
		return new BookletScans.Upload() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public InputStream open() {
				return new ByteArrayInputStream(content);
			}
		};
	}

	private ScanImport importFiles(Integer year, BookletScans.Upload... files) {
		return as("operator1", () -> scans.importFiles(List.of(files), year, "テスト"), "OPERATOR");
	}

	private Path stored(int year, String name) {
		return properties.scan().dir().resolve(String.valueOf(year)).resolve(name);
	}

	@Test
	void a_scan_is_linked_to_its_booklet_by_the_covers_barcode_and_kept_under_its_column_76_name() throws IOException {
		BookletSummary b = receive(A, 2025, june(1), BookletKind.MAIN);
		byte[] pdf = ScanFixtures.scannedBooklet("K" + A, 1);
		ScanImport result = importFiles(null, upload("scan0001.pdf", pdf));

		assertThat(result.unreadable()).isEmpty();
		assertThat(result.linked()).singleElement().satisfies(l -> {
			assertThat(l.file()).isEqualTo("scan0001.pdf");
			assertThat(l.managementNumber()).isEqualTo("K" + A);
			assertThat(l.bookletId()).isEqualTo(b.id());
			assertThat(l.storedAs()).isEqualTo("2025_K" + A + ".pdf");
		});
		assertThat(Files.readAllBytes(stored(2025, "2025_K" + A + ".pdf"))).isEqualTo(pdf);
		assertThat(as("operator1", () -> receipts.booklet(b.id()), "OPERATOR").orElseThrow().scanFile())
				.isEqualTo("2025_K" + A + ".pdf");
		assertThat(jdbc.sql("select pages || ' ' || linked_how || ' ' || length(sha256) from booklet_scan").query(String.class)
				.single()).isEqualTo("4 BARCODE 64");
		byte[] png = as("operator1", () -> scans.bookletPage(b.id(), 1, "テスト"), "OPERATOR");
		assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
		assertThatThrownBy(() -> as("operator1", () -> scans.bookletPage(b.id(), 5, "テスト"), "OPERATOR"))
				.isInstanceOf(NotFoundException.class);
	}

	@Test
	void the_main_and_the_additional_booklet_each_get_their_scan() {
		receive(A, 2025, june(1), BookletKind.MAIN);
		receive(A, 2025, june(1), BookletKind.ADDITIONAL);
		ScanImport result = importFiles(null, upload("1.pdf", ScanFixtures.scannedBooklet("K" + A, 1)),
				upload("2.pdf", ScanFixtures.scannedBooklet("K" + A, 2)));
		assertThat(result.linked()).extracting(BookletScans.Linked::storedAs)
				.containsExactlyInAnyOrder("2025_K" + A + ".pdf", "2025_K" + A + "_T.pdf");
	}

	@Test
	void an_unreadable_cover_waits_in_the_queue_until_an_operator_assigns_it_by_number() {
		BookletSummary b = receive(B, 2025, june(1), BookletKind.MAIN);
		ScanImport result = importFiles(null, upload("smudged.pdf", ScanFixtures.unreadableBooklet(3)));
		assertThat(result.linked()).isEmpty();
		assertThat(result.unreadable()).singleElement().satisfies(u -> {
			assertThat(u.queued()).isTrue();
			assertThat(u.reason()).isEqualTo("表紙のバーコードを読み取れません");
		});
		long queueId = result.unreadable().get(0).queueId();
		assertThat(as("operator1", () -> scans.queuedPage(queueId, 1), "OPERATOR")).isNotEmpty();

		assertThatThrownBy(() -> as("operator1", () -> scans.assign(queueId, "K" + C, 2025, BookletKind.MAIN, "テスト"),
				"OPERATOR")).isInstanceOf(NotFoundException.class).hasMessageContaining("受付されていません");
		BookletSummary linked = as("operator1", () -> scans.assign(queueId, "k" + B, 2025, BookletKind.MAIN, "テスト"),
				"OPERATOR");
		assertThat(linked.id()).isEqualTo(b.id());
		assertThat(linked.scanFile()).isEqualTo("2025_K" + B + ".pdf");
		assertThat(as("operator1", () -> scans.queue(), "OPERATOR")).isEmpty();
		assertThat(stored(2025, "2025_K" + B + ".pdf")).exists();
		assertThat(jdbc.sql("select linked_how from booklet_scan").query(String.class).single()).isEqualTo("HAND");
	}

	@Test
	void a_scan_of_a_booklet_not_yet_received_or_received_for_two_years_waits_for_a_person() {
		ScanImport notReceived = importFiles(null, upload("c.pdf", ScanFixtures.scannedBooklet("K" + C, 4)));
		assertThat(notReceived.unreadable()).singleElement().satisfies(u -> {
			assertThat(u.queued()).isTrue();
			assertThat(u.managementNumber()).isEqualTo("K" + C);
			assertThat(u.reason()).contains("受付されていません");
		});

		receive(A, 2024, LocalDate.of(2026, 3, 1), BookletKind.MAIN);
		receive(A, 2025, june(1), BookletKind.MAIN);
		ScanImport twoYears = importFiles(null, upload("a.pdf", ScanFixtures.scannedBooklet("K" + A, 5)));
		assertThat(twoYears.unreadable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("複数の年度"));
		// with the year chosen for the import it links at once
		ScanImport chosen = importFiles(2024, upload("a2.pdf", ScanFixtures.scannedBooklet("K" + A, 6)));
		assertThat(chosen.linked()).singleElement().satisfies(l -> assertThat(l.storedAs()).isEqualTo("2024_K" + A + ".pdf"));
	}

	@Test
	void hostile_files_are_refused_with_a_reason_and_nothing_of_them_is_kept() throws IOException {
		receive(A, 2025, june(1), BookletKind.MAIN);
		byte[] encrypted;
		try (var d = new PDDocument()) {
			d.addPage(new PDPage(PDRectangle.A6));
			d.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("o", "u",
					new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
			var out = new java.io.ByteArrayOutputStream();
			d.save(out);
			encrypted = out.toByteArray();
		}
		byte[] manyPages;
		try (var d = new PDDocument()) {
			for (int i = 0; i < 500; i++) {
				d.addPage(new PDPage(PDRectangle.A6));
			}
			var out = new java.io.ByteArrayOutputStream();
			d.save(out);
			manyPages = out.toByteArray();
		}
		byte[] noPages;
		try (var d = new PDDocument()) {
			var out = new java.io.ByteArrayOutputStream();
			d.save(out);
			noPages = out.toByteArray();
		}
		ScanImport result = importFiles(null, upload("../../etc/passwd.pdf", "root:x:0:0".getBytes(StandardCharsets.UTF_8)),
				upload("locked.pdf", encrypted), upload("empty.pdf", noPages), upload("huge.pdf", manyPages),
				upload("zero.pdf", new byte[0]));

		assertThat(result.linked()).isEmpty();
		assertThat(result.unreadable()).extracting(BookletScans.NotLinked::file, BookletScans.NotLinked::queued)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("passwd.pdf", false),
						org.assertj.core.groups.Tuple.tuple("locked.pdf", false),
						org.assertj.core.groups.Tuple.tuple("empty.pdf", false),
						org.assertj.core.groups.Tuple.tuple("huge.pdf", false),
						org.assertj.core.groups.Tuple.tuple("zero.pdf", false));
		assertThat(result.unreadable()).extracting(BookletScans.NotLinked::reason).containsExactly("PDFファイルではありません",
				"暗号化（パスワード保護）されたPDFは取り込めません", "ページがないPDFです",
				"ページ数が多すぎます（500ページ、上限 120ページ）", "空のファイルです");
		assertThat(jdbc.sql("select count(*) from booklet_scan").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from booklet_scan_queue").query(Long.class).single()).isZero();
		try (Stream<Path> files = Files.walk(properties.scan().dir())) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void the_same_file_is_never_kept_twice() {
		receive(A, 2025, june(1), BookletKind.MAIN);
		byte[] pdf = ScanFixtures.scannedBooklet("K" + A, 1);
		importFiles(null, upload("a.pdf", pdf));
		ScanImport again = importFiles(null, upload("a-again.pdf", pdf));
		assertThat(again.unreadable()).singleElement().satisfies(u -> {
			assertThat(u.queued()).isFalse();
			assertThat(u.reason()).contains("取込済み");
		});
		byte[] smudged = ScanFixtures.unreadableBooklet(9);
		importFiles(null, upload("s.pdf", smudged));
		assertThat(importFiles(null, upload("s2.pdf", smudged)).unreadable()).singleElement()
				.satisfies(u -> assertThat(u.reason()).contains("割当待ち"));
	}

	@Test
	void the_scanners_folder_is_emptied_file_by_file_and_refused_files_are_set_aside_with_their_reason() throws IOException {
		receive(A, 2025, june(1), BookletKind.MAIN);
		Path inbox = Files.createDirectories(properties.scan().inbox());
		Files.write(inbox.resolve("0001.pdf"), ScanFixtures.scannedBooklet("K" + A, 1));
		Files.write(inbox.resolve("0002.pdf"), ScanFixtures.unreadableBooklet(2));
		Files.writeString(inbox.resolve("0003.pdf"), "not a pdf");
		Files.writeString(inbox.resolve("readme.txt"), "left alone");
		assertThat(as("operator1", () -> scans.inboxCount(), "OPERATOR")).isEqualTo(3);

		var progress = new java.util.concurrent.atomic.AtomicInteger();
		ScanImport result = as("operator1", () -> scans.importInbox(null, progress::set, "テスト"), "OPERATOR");

		assertThat(result.linked()).hasSize(1);
		assertThat(result.unreadable()).hasSize(2);
		assertThat(progress.get()).isEqualTo(3);
		assertThat(inbox.resolve("0001.pdf")).doesNotExist();
		assertThat(inbox.resolve("0002.pdf")).doesNotExist();
		assertThat(inbox.resolve("refused").resolve("0003.pdf")).exists();
		assertThat(inbox.resolve("refused").resolve("0003.pdf.reason.txt")).content(StandardCharsets.UTF_8)
				.contains("PDFファイルではありません");
		assertThat(inbox.resolve("readme.txt")).exists();
		assertThat(as("operator1", () -> scans.inboxCount(), "OPERATOR")).isZero();
	}

	@Test
	void a_queued_file_that_is_no_booklet_can_be_removed_with_a_reason() {
		ScanImport result = importFiles(null, upload("blank.pdf", ScanFixtures.unreadableBooklet(4)));
		long id = result.unreadable().get(0).queueId();
		assertThatThrownBy(() -> as("operator1", () -> {
			scans.discard(id, " ");
			return null;
		}, "OPERATOR")).hasMessageContaining("理由");
		as("operator1", () -> {
			scans.discard(id, "白紙");
			return null;
		}, "OPERATOR");
		assertThat(as("operator1", () -> scans.queue(), "OPERATOR")).isEmpty();
		assertThat(jdbc.sql("select count(*) from audit_event where detail like :d").param("d", "%白紙%").query(Long.class)
				.single()).isEqualTo(1);
	}
}
