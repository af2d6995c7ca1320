package jp.ikiiki.desk.subjects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The first-start demo load through the real import. */
@SpringBootTest(properties = { "ikiiki.demo.enabled=true", "ikiiki.demo.subjects=150", "ikiiki.demo.seed=5" })
class DemoSubjectsIT {

	@Autowired
	DemoSubjects demoSubjects;
	@Autowired
	JdbcClient jdbc;

	@Test
	void first_start_imports_generated_index_and_progress_files_as_a_system_operator() {
		List<Map<String, Object>> imports = jdbc.sql(
				"select kind, status, rows, added, rejected, imported_by from subject_import order by id").query().listOfRows();
		assertThat(imports).extracting(m -> m.get("kind")).containsExactly("index", "progress");
		assertThat(imports).allSatisfy(m -> {
			assertThat(m.get("status")).isEqualTo("APPLIED");
			assertThat(m.get("rows")).isEqualTo(150);
			assertThat(m.get("rejected")).isEqualTo(0);
			assertThat(m.get("imported_by")).isEqualTo("system");
		});
		assertThat(imports.get(0).get("added")).isEqualTo(150);
		assertThat(imports.get(1).get("added")).isEqualTo(0); // the same people: the 別紙3 rows join the 別紙2 ones
		assertThat(jdbc.sql("select count(*) from subject_record where index_record is not null and progress_record is not null")
				.query(Long.class).single()).isEqualTo(150L);
		assertThat(jdbc.sql("select count(*) from subject where birth_date > date '1961-09-01'").query(Long.class).single())
				.isZero();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void temporary_files_are_deleted() throws IOException {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			assertThat(files.filter(f -> f.getFileName().toString().startsWith("ikiiki-demo-"))
					.filter(f -> f.toFile().lastModified() >= jvmStart)).isEmpty();
		}
	}

	@Test
	void nothing_is_loaded_again_when_subjects_exist() throws Exception {
		long before = jdbc.sql("select count(*) from subject_import").query(Long.class).single();
		demoSubjects.run(null);
		assertThat(jdbc.sql("select count(*) from subject_import").query(Long.class).single()).isEqualTo(before);
	}
}
