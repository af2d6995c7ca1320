package jp.ikiiki.desk.subjects.importing;

import static jp.ikiiki.desk.subjects.importing.TestFiles.indexRow;
import static jp.ikiiki.desk.subjects.importing.TestFiles.progressRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One import per kind at a time, by a PostgreSQL advisory lock, tested with real threads against the real
 * database: while one import of a kind reads its file, a second of the same kind is refused with a 409 naming the
 * first; the same file posted twice at once gives one success and one 409, never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportConcurrencyIT {

	@Autowired SubjectImports imports;
	@Autowired JdbcClient jdbc;
	@Autowired MockMvc mvc;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeEach
	void noSubjects() {
		jdbc.sql("delete from subject").update();
	}

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	private static byte[] indexFile(int n, int from) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(indexRow(String.valueOf(from + i)));
		}
		return TestFiles.utf8(SubjectFileKind.INDEX, rows);
	}

	/** A file that, once its first bytes are read, waits until it is let go: the import holding the lock meanwhile. */
	private static final class HeldOpen extends InputStream {
		private final byte[] bytes;
		private final CountDownLatch reading;
		private final CountDownLatch letGo;
		private int at;

		HeldOpen(byte[] bytes, CountDownLatch reading, CountDownLatch letGo) {
			this.bytes = bytes;
			this.reading = reading;
			this.letGo = letGo;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (at >= bytes.length) {
				return -1;
			}
			if (at > 0) {
				reading.countDown();
				try {
					if (!letGo.await(60, TimeUnit.SECONDS)) {
						throw new IOException("not let go");
					}
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException(e);
				}
			}
			int n = Math.min(len, Math.min(100, bytes.length - at));
			System.arraycopy(bytes, at, b, off, n);
			at += n;
			return n;
		}
	}

	private <T> Future<T> as(String name, java.util.concurrent.Callable<T> work) {
		return threads.submit(() -> {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
					List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
			SecurityContextHolder.setContext(context);
			try {
				return work.call();
			} finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

	@Test
	void a_second_import_of_a_kind_while_one_runs_is_refused_naming_who_imports_what_since_when() throws Exception {
		var reading = new CountDownLatch(1);
		var letGo = new CountDownLatch(1);
		byte[] file = indexFile(50, 1_000_000);
		Future<ImportOutcome> first = as("first-op", () -> imports.importFile(SubjectFileKind.INDEX, "first.csv",
				new HeldOpen(file, reading, letGo), ImportOptions.APPLY));
		assertThat(reading.await(30, TimeUnit.SECONDS)).as("the first import is reading").isTrue();

		Future<Object> second = as("second-op", () -> {
			try {
				return imports.importFile(SubjectFileKind.INDEX, "second.csv", new ByteArrayInputStream(file),
						ImportOptions.APPLY);
			} catch (StateConflictException e) {
				return e;
			}
		});
		Object refused = second.get(30, TimeUnit.SECONDS);
		letGo.countDown();

		assertThat(refused).isInstanceOf(StateConflictException.class);
		var conflict = (StateConflictException) refused;
		assertThat(conflict.reason()).contains("交通費助成索引簿の取込が実行中です").contains("first-op").contains("first.csv");
		assertThat(conflict.properties()).containsEntry("importedBy", "first-op").containsEntry("fileName", "first.csv")
				.containsKey("startedAt").containsKey("importId");
		assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(jdbc.sql("select count(*) from subject").query(Integer.class).single()).isEqualTo(50);
		assertThat(jdbc.sql("select count(*) from subject_import where file_name = 'second.csv' and imported_by = 'second-op'")
				.query(Integer.class).single()).as("a refused import starts nothing").isZero();
		assertThat(jdbc.sql("select detail from audit_event where username = 'second-op' and action = 'IMPORT' order by id desc limit 1")
				.query(String.class).single()).contains("拒否").contains("first-op");
	}

	@Test
	void imports_of_the_two_kinds_may_overlap_and_add_the_same_new_subjects_without_a_duplicate() throws Exception {
		var reading = new CountDownLatch(1);
		var letGo = new CountDownLatch(1);
		Future<ImportOutcome> index = as("index-op", () -> imports.importFile(SubjectFileKind.INDEX, "i.csv",
				new HeldOpen(indexFile(30, 2_000_000), reading, letGo), ImportOptions.APPLY));
		assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			rows.add(progressRow(String.valueOf(2_000_000 + i)));
		}
		Future<ImportOutcome> progress = as("progress-op", () -> imports.importFile(SubjectFileKind.PROGRESS, "p.csv",
				new ByteArrayInputStream(TestFiles.utf8(SubjectFileKind.PROGRESS, rows)), ImportOptions.APPLY));
		ImportOutcome p = progress.get(60, TimeUnit.SECONDS);
		letGo.countDown();
		ImportOutcome i = index.get(60, TimeUnit.SECONDS);

		assertThat(p.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(p.added()).isEqualTo(30);
		assertThat(i.status()).isEqualTo(ImportOutcome.Status.APPLIED);
		assertThat(i.changed()).as("the index file gives the subjects their first 別紙2 record").isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from subject_record where index_record is not null and progress_record is not null")
				.query(Integer.class).single()).isEqualTo(30);
	}

	@Test
	void the_same_file_posted_twice_at_once_gives_one_success_and_one_409_never_a_500() throws Exception {
		var file = new MockMultipartFile("file", "twice.csv", "text/csv", indexFile(4000, 3_000_000));
		var start = new CountDownLatch(1);
		List<Future<Integer>> posts = new ArrayList<>();
		for (int n = 0; n < 2; n++) {
			posts.add(threads.submit(() -> {
				start.await();
				return mvc.perform(multipart("/api/imports/subjects").file(file).param("kind", "index")
						.with(user("twice-op").roles("OPERATOR"))).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : posts) {
			statuses.add(f.get(120, TimeUnit.SECONDS));
		}

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.sql("select count(*) from subject").query(Integer.class).single()).isEqualTo(4000);
	}
}
