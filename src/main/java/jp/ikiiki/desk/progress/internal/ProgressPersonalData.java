package jp.ikiiki.desk.progress.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The progress record's personal data for the end-of-contract erasure (第11章1(5)(6)): each person's business-year
 * part of the 別紙3 record (columns 49–84 with bank details and 引受番号, the opening balance as the predecessor's data
 * gave it, the notice and payment days), the history of the opening-balance imports (file names, outcome, who), and
 * the uploaded opening-balance files still spooled in the temporary directory ({@code ikiiki-opening*}, untouched for an
 * hour: a spool in use is left to its screen, which deletes it). The rows also go with their subject (on delete
 * cascade); this store erases them first and counts them for the certificate.
 */
@Component
class ProgressPersonalData implements PersonalDataStore {

	static final PersonalDataKind YEARS = PersonalDataKind.rows("progress.progress_year",
			"対象者ごとの事業年度の進捗（別紙3 49〜84列・前任者の期首データ・通知日・支払日）");
	static final PersonalDataKind IMPORTS = PersonalDataKind.rows("progress.progress_opening_import", "期首データ取込の履歴（ファイル名・結果）");
	static final PersonalDataKind SPOOLS = PersonalDataKind.files("progress.opening_spools", "期首データの取込待ちファイル（一時ファイル）");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	ProgressPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String module() {
		return "progress";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(YEARS, IMPORTS, SPOOLS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		return switch (kind.key()) {
			case "progress.progress_year" -> jdbc.sql("select count(*) from progress_year").query(Long.class).single();
			case "progress.progress_opening_import" -> jdbc.sql("select count(*) from progress_opening_import")
					.query(Long.class).single();
			case "progress.opening_spools" -> FileShredder.topLevel(tempDir(), staleSpool()).size();
			default -> throw new IllegalArgumentException("not a kind of progress: " + kind.key());
		};
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from progress_year").update();
			jdbc.sql("delete from progress_opening_import").update();
		});
		FileShredder.shredTopLevel(tempDir(), staleSpool());
	}

	/** Before the subjects (order 100), whose deletion would take the years with it uncounted. */
	@Override
	public int order() {
		return 50;
	}

	private static Path tempDir() {
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

	/** The opening-balance screen's uploads ({@code ikiiki-opening*}) directly in the temp directory, an hour old. */
	private static Predicate<Path> staleSpool() {
		Instant before = Instant.now().minus(Duration.ofHours(1));
		return p -> {
			if (!p.getFileName().toString().startsWith("ikiiki-opening")) {
				return false;
			}
			try {
				return Files.getLastModifiedTime(p).toInstant().isBefore(before);
			} catch (IOException e) {
				return false;
			}
		};
	}
}
