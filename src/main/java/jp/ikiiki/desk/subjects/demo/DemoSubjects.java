package jp.ikiiki.desk.subjects.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.ikiiki.desk.platform.DemoMode;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A new user's first start: when demo mode is on and there are no subjects yet, generates
 * {@code ikiiki.demo.subjects} people for {@code ikiiki.demo.seed} as a 別紙2 and a 別紙3 CSV and imports both
 * through {@link SubjectImports}, the same path as the city's files, as the application ({@code system}) with
 * role OPERATOR. A few people carry 外字 so the 外字 review has something to show. Logs counts only.
 */
@Component
@Order(100)
class DemoSubjects implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSubjects.class);

	/** About 0.5 % of people with a character for 外字 review, as in the city's real data. */
	static final double DEMO_GAIJI_SHARE = 0.005;
	/** How the demo load appears in the audit trail. */
	static final String CHANNEL = "デモデータ初期投入";

	private final DemoMode demoMode;
	private final ObjectProvider<SubjectImports> imports;
	private final JdbcClient jdbc;
	private final int size;
	private final long seed;

	DemoSubjects(DemoMode demoMode, ObjectProvider<SubjectImports> imports, JdbcClient jdbc,
			@Value("${ikiiki.demo.subjects:3000}") int size, @Value("${ikiiki.demo.seed:20260901}") long seed) {
		this.demoMode = demoMode;
		this.imports = imports;
		this.jdbc = jdbc;
		this.size = size;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!demoMode.enabled() || size <= 0) {
			return;
		}
		SubjectImports importer = imports.getIfAvailable();
		if (importer == null) {
			log.warn("Demo subjects not loaded: no SubjectImports implementation in this build");
			return;
		}
		if (jdbc.sql("select exists (select 1 from subject)").query(Boolean.class).single()) {
			return;
		}
		log.info("Loading {} demo subjects (seed {}) through the import", size, seed);
		for (SubjectFileKind kind : List.of(SubjectFileKind.INDEX, SubjectFileKind.PROGRESS)) {
			ImportOutcome outcome = load(importer, kind);
			if (outcome.status() != ImportOutcome.Status.APPLIED || outcome.rejected() > 0) {
				log.warn("Demo {} import: {}, {} added, {} changed, {} rejected, {} flagged for 外字 review", kind.code(),
						outcome.status(), outcome.added(), outcome.changed(), outcome.rejected(), outcome.flagged());
			}
			else {
				log.info("Demo {} import: {} added, {} changed, {} flagged for 外字 review", kind.code(),
						outcome.added(), outcome.changed(), outcome.flagged());
			}
		}
	}

	private ImportOutcome load(SubjectImports importer, SubjectFileKind kind) throws IOException {
		var options = GeneratorOptions.of(kind, size, seed).withGaijiShare(DEMO_GAIJI_SHARE);
		Path file = Files.createTempFile("ikiiki-demo-" + kind.code() + "-", ".csv");
		try {
			new SubjectGenerator(options).write(file);
			// The demo load is the application's own work, with the operator's right to import.
			return CurrentUser.callAsSystem(() -> {
				try (InputStream in = Files.newInputStream(file)) {
					return importer.importFile(kind, "demo-" + kind.code() + "-" + seed + ".csv", in,
							new ImportOptions(false, true), CHANNEL);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, Roles.OPERATOR);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
