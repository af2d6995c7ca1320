package jp.ikiiki.desk.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the tally's integration tests share: the application against the embedded PostgreSQL with the clock pinned to
 * 2026-06-15 10:00 in Japan (令和8年度: the open years are 2024, 2025 and 2026), subjects imported through the
 * subjects module's own 別紙3 import, and acting as a named user.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(TallyITSupport.Clocks.class)
public abstract class TallyITSupport {

	/** 2026-06-15 10:00 in Japan. */
	public static final Instant NOW = LocalDateTime.of(2026, 6, 15, 10, 0).atZone(JapanTime.ZONE).toInstant();

	@Autowired
	protected JdbcClient jdbc;
	@Autowired
	protected SubjectImports imports;
	@Autowired
	protected SettableClock clock;
	@Autowired
	protected TallyProperties properties;

	@BeforeEach
	void pinClock() {
		clock.set(NOW);
	}

	/** Removes every row of the tally and its stored scans (each test makes its own data). */
	protected void clearTally() {
		clearTally(jdbc, properties);
	}

	/** {@link #clearTally()} for tests outside this hierarchy. */
	public static void clearTally(JdbcClient jdbc, TallyProperties properties) {
		jdbc.sql("delete from booklet_decision").update();
		jdbc.sql("delete from booklet_key").update();
		jdbc.sql("delete from booklet_scan").update();
		jdbc.sql("delete from booklet_scan_queue").update();
		jdbc.sql("delete from booklet_refusal").update();
		jdbc.sql("delete from booklet").update();
		jdbc.sql("delete from booklet_bundle").update();
		deleteTree(properties.scan().dir());
		deleteTree(properties.scan().inbox());
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Runs {@code work} as {@code user} holding {@code roles}; the previous identity is restored. */
	public static <T> T as(String user, Supplier<T> work, String... roles) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		for (String r : roles) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + r));
		}
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** {@link #as} for work without a result. */
	public static void run(String user, Runnable work, String... roles) {
		as(user, () -> {
			work.run();
			return null;
		}, roles);
	}

	/**
	 * A 別紙3 row of a points subject: current, with a 申請書管理番号 {@code K<宛名番号>}; {@code overrides} are header,
	 * value pairs.
	 */
	public static Map<String, Object> progress(String addressNumber, Object... overrides) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("宛名番号", addressNumber);
		r.put("氏名カナ", "ヤマダ　タロウ");
		r.put("氏名漢字", "山田　太郎");
		r.put("性別", "1");
		r.put("郵便番号", "7300011");
		r.put("住所漢字", "広島市中区基町1番1号");
		r.put("申請書管理番号", "K" + addressNumber);
		r.put("生年月日", "昭和15年3月2日");
		r.put("交通助成", "0");
		r.put("手帳作成日", "2025-08-20");
		for (int i = 0; i < overrides.length; i += 2) {
			r.put((String) overrides[i], overrides[i + 1]);
		}
		return r;
	}

	/** Imports a full 別紙3 file with these rows (subjects not in it are ended, as with the city's file). */
	protected void importSubjects(List<Map<String, Object>> rows) {
		importSubjects(imports, rows);
	}

	/** {@link #importSubjects(List)} for tests outside this hierarchy. */
	public static void importSubjects(SubjectImports imports, List<Map<String, Object>> rows) {
		List<String> headers = SubjectFileKind.PROGRESS.columns().stream().filter(c -> c.owner() == Column.Owner.CITY)
				.map(Column::header).toList();
		var sb = new StringBuilder(String.join(",", headers)).append("\r\n");
		for (var row : rows) {
			var cells = new ArrayList<String>();
			for (String h : headers) {
				Object v = row.get(h);
				cells.add(v == null ? "" : v.toString());
			}
			sb.append(String.join(",", cells)).append("\r\n");
		}
		ImportOutcome outcome = as("importer", () -> imports.importFile(SubjectFileKind.PROGRESS, "progress.csv",
				new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), ImportOptions.APPLY), "OPERATOR");
		assertThat(outcome.problems()).filteredOn(p -> p.severity() == ImportProblem.Severity.ERROR).isEmpty();
		assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.APPLIED);
	}

	/** A day in June 2026. */
	protected static LocalDate june(int day) {
		return LocalDate.of(2026, 6, day);
	}

	/** The clock the tests set. */
	public static final class SettableClock extends Clock {
		private volatile Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		public void set(Instant instant) {
			this.now = instant;
		}

		@Override
		public ZoneId getZone() {
			return JapanTime.ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	/** The settable clock as the primary {@link Clock} of the context. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Clocks {
		@Bean
		@Primary
		public SettableClock tallyTestClock() {
			return new SettableClock(NOW);
		}
	}
}
