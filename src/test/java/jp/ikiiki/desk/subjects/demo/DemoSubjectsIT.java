package jp.ikiiki.desk.subjects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The first-start demo load, against a recording {@link SubjectImports} so that it checks this runner alone: what
 * it hands to the import, as whom, and that it cleans up.
 */
@SpringBootTest(properties = { "ikiiki.demo.enabled=true", "ikiiki.demo.subjects=120", "ikiiki.demo.seed=5" })
class DemoSubjectsIT {

	record Call(SubjectFileKind kind, String fileName, List<String> lines, ImportOptions options, String user,
			List<String> authorities) {
	}

	static final List<Call> CALLS = new CopyOnWriteArrayList<>();

	@TestConfiguration
	static class RecordingImports {
		@Bean
		@Primary
		SubjectImports recordingSubjectImports() {
			return (kind, fileName, content, options) -> {
				var auth = SecurityContextHolder.getContext().getAuthentication();
				CALLS.add(new Call(kind, fileName, read(content), options, auth.getName(),
						auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
				return new ImportOutcome(CALLS.size(), ImportOutcome.Status.APPLIED, 120, 0, 0, 0, 1, List.of());
			};
		}

		private static List<String> read(InputStream in) {
			try {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	@Autowired
	DemoSubjects demoSubjects;
	@Autowired
	JdbcClient jdbc;

	@Test
	void first_start_imports_the_generated_index_and_progress_files_as_a_system_operator_and_cleans_up() throws IOException {
		assertThat(CALLS).extracting(Call::kind).containsExactly(SubjectFileKind.INDEX, SubjectFileKind.PROGRESS);
		for (Call call : CALLS) {
			assertThat(call.fileName()).endsWith(".csv");
			assertThat(call.lines()).hasSize(121);
			assertThat(call.options().dryRun()).isFalse();
			assertThat(call.user()).isEqualTo("system-demo");
			assertThat(call.authorities()).containsExactly("ROLE_OPERATOR");
		}
		// the same people in both files, so the two imports join up by 宛名番号
		assertThat(CALLS.get(0).lines().get(1).split(",")[2]).isEqualTo(CALLS.get(1).lines().get(1).split(",")[0]);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			assertThat(files.filter(f -> f.getFileName().toString().startsWith("ikiiki-demo-"))
					.filter(f -> f.toFile().lastModified() >= jvmStart)).isEmpty();
		}
	}

	@Test
	void nothing_is_loaded_when_subjects_already_exist() throws Exception {
		int before = CALLS.size();
		jdbc.sql("""
				insert into subject (address_number, name_kana, name_kana_key, name_kanji, name_kanji_key, birth_date, progress_record)
				values ('9999999999', 'テスト', 'テスト', '試験', '試験', date '1950-01-01', '{}')""").update();
		try {
			demoSubjects.run(null);
			assertThat(CALLS).hasSize(before);
		}
		finally {
			jdbc.sql("delete from subject where address_number = '9999999999'").update();
		}
	}
}
