package jp.ikiiki.desk.subjects.internal;

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
 * The subjects module's personal data for the end-of-contract erasure (第11章1(5)(6)): the city's subjects and their
 * records (別紙2, 別紙3), the import history with its rejected rows and held files, and upload spools an interrupted
 * import left in the temporary directory (only those untouched for an hour: a running import's spool is not taken).
 */
@Component
class SubjectsPersonalData implements PersonalDataStore {

	static final PersonalDataKind SUBJECTS = PersonalDataKind.rows("subjects.subject", "対象者（宛名番号・氏名・住所・電話番号など）");
	static final PersonalDataKind RECORDS = PersonalDataKind.rows("subjects.subject_record", "対象者の取込データ（別紙2・別紙3 の全列）");
	static final PersonalDataKind IMPORTS = PersonalDataKind.rows("subjects.subject_import", "取込の履歴（ファイル名・件数・保留理由）");
	static final PersonalDataKind PROBLEMS = PersonalDataKind.rows("subjects.subject_import_problem", "取込で問題のあった行（行の内容を含む）");
	static final PersonalDataKind HELD = PersonalDataKind.rows("subjects.subject_import_file", "確認待ちで保留中の取込ファイル（1MB 単位）");
	static final PersonalDataKind SPOOLS = PersonalDataKind.files("subjects.temp_files", "取込・更新結果報告の一時ファイル");

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	SubjectsPersonalData(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String module() {
		return "subjects";
	}

	@Override
	public List<PersonalDataKind> kinds() {
		return List.of(SUBJECTS, RECORDS, IMPORTS, PROBLEMS, HELD, SPOOLS);
	}

	@Override
	public long count(PersonalDataKind kind) {
		if (kind.equals(SPOOLS)) {
			return FileShredder.topLevel(tempDir(), staleSpool()).size();
		}
		String table = switch (kind.key()) {
			case "subjects.subject" -> "subject";
			case "subjects.subject_record" -> "subject_record";
			case "subjects.subject_import" -> "subject_import";
			case "subjects.subject_import_problem" -> "subject_import_problem";
			case "subjects.subject_import_file" -> "subject_import_file";
			default -> throw new IllegalArgumentException("not a kind of subjects: " + kind.key());
		};
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Override
	public void erase() {
		transaction.executeWithoutResult(t -> {
			jdbc.sql("delete from subject_import_file").update();
			jdbc.sql("delete from subject_import_problem").update();
			jdbc.sql("delete from subject_import").update();
			jdbc.sql("delete from subject_record").update();
			jdbc.sql("delete from subject").update();
		});
		FileShredder.shredTopLevel(tempDir(), staleSpool());
	}

	@Override
	public int order() {
		return 100;
	}

	private static Path tempDir() {
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

	/** This module's temporary files (名前の接頭辞) directly in the temp directory, untouched for an hour. */
	private static Predicate<Path> staleSpool() {
		Instant before = Instant.now().minus(Duration.ofHours(1));
		return p -> {
			String name = p.getFileName().toString();
			if (!(name.startsWith("ikiiki-import") || name.startsWith("ikiiki-held") || name.startsWith("ikiiki-report"))) {
				return false;
			}
			try {
				return Files.getLastModifiedTime(p).toInstant().isBefore(before);
			} catch (java.io.IOException e) {
				return false;
			}
		};
	}
}
