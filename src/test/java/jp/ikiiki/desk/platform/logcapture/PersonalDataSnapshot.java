package jp.ikiiki.desk.platform.logcapture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-only (registered in {@code src/test/resources/META-INF/spring.factories}, so it joins every application
 * context the tests start): when a context is ready, after every test method of a Spring test
 * ({@link PersonalDataSnapshotExtension}) and when the context closes — while its database is still up — writes the
 * personal values it holds (宛名番号, 申請書管理番号, names in kanji and kana, addresses, caller
 * numbers) to {@code target/test-logs/personal-data/}. {@link PersonalDataInLogsVerification} searches the captured
 * log for them after the whole integration suite.
 */
public class PersonalDataSnapshot implements ApplicationListener<ApplicationEvent> {

	static final Path DIRECTORY = Path.of(System.getProperty("user.dir"), "target", "test-logs", "personal-data");

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		ApplicationContext context;
		if (event instanceof ApplicationReadyEvent ready) {
			context = ready.getApplicationContext();
		} else if (event instanceof ContextClosedEvent closed) {
			context = closed.getApplicationContext();
		} else {
			return;
		}
		if (context.getBeanNamesForType(DataSource.class).length == 0) {
			return;
		}
		try {
			write(JdbcClient.create(context.getBean(DataSource.class)));
		} catch (RuntimeException e) {
			// A context that failed to start or has no such tables has nothing to add.
			System.err.println("PersonalDataSnapshot: " + e);
		}
	}

	/** Values already written by this JVM: each is written once. */
	private static final Set<String> WRITTEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static void write(JdbcClient jdbc) {
		Set<String> lines = new LinkedHashSet<>();
		jdbc.sql("""
				select address_number, management_number, name_kanji, name_kana, alias_kanji, address, mail_address
				  from subject""").query((rs, n) -> {
			add(lines, "宛名番号", rs.getString(1));
			add(lines, "申請書管理番号", rs.getString(2));
			add(lines, "氏名漢字", rs.getString(3));
			add(lines, "氏名カナ", rs.getString(4));
			add(lines, "通称名", rs.getString(5));
			add(lines, "住所", rs.getString(6));
			add(lines, "送付先住所", rs.getString(7));
			return n;
		}).list();
		for (String table : List.of("call_record", "call_log")) {
			try {
				jdbc.sql("select distinct caller_number from " + table + " where caller_number is not null")
						.query(String.class).list().forEach(number -> add(lines, "電話番号", number));
			} catch (RuntimeException e) {
				// table not there in this schema version
			}
		}
		lines.removeIf(line -> !WRITTEN.add(line));
		if (lines.isEmpty()) {
			return;
		}
		try {
			Files.createDirectories(DIRECTORY);
			Files.write(DIRECTORY.resolve(UUID.randomUUID() + ".tsv"), lines, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void add(Set<String> lines, String kind, String value) {
		if (value != null && !value.isBlank()) {
			lines.add(kind + "\t" + value.replace('\t', ' ').replace('\n', ' '));
		}
	}
}
