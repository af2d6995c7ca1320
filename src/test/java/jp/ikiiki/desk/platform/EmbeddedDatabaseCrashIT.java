package jp.ikiiki.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jp.ikiiki.desk.IkiikiDeskApplication;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import jp.ikiiki.desk.subjects.demo.GeneratorOptions;
import jp.ikiiki.desk.subjects.demo.SubjectGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The application as it runs for a user — its own JVM, the embedded database in a data directory of its own — is
 * killed with SIGKILL in the middle of an import and started again on the same directory. The PostgreSQL server the
 * dead JVM left running must not keep the new start out; the import must leave nothing behind and be marked failed.
 * And while the first application runs, a second one on the same directory is refused.
 */
class EmbeddedDatabaseCrashIT {

	/** Rows of the file being imported when the JVM dies: enough for the import to take a few seconds. */
	private static final int IMPORT_ROWS = 60_000;
	private static final int DEMO_SUBJECTS = 1_000;
	private static final Duration START_UP = Duration.ofMinutes(3);

	private Path dir;
	private Path data;
	/** The applications' logs, kept for a look after the test. */
	private final Path logs = Path.of("target", "crash-it");
	private final List<Process> children = new ArrayList<>();

	/** A running application: its JVM, its HTTP port, the name of its log. */
	private record App(Process process, int httpPort, String name) {
	}

	@BeforeEach
	void directory() throws IOException {
		dir = Files.createTempDirectory("ikiiki-crash-it");
		FileSystemUtils.deleteRecursively(logs);
		Files.createDirectories(logs);
		data = dir.resolve("pgdata");
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (Process p : children) { // only the JVMs this test started
			if (p.isAlive()) {
				p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		// A postmaster a failed test left behind: stop it the way the application does (fast shutdown).
		var pid = DataDirectoryClaim.postmasterPid(data);
		if (pid.isPresent() && Files.exists(data) && DataDirectoryClaim.isPostmasterOf(pid.getAsLong(), data.toRealPath())) {
			new ProcessBuilder("/bin/sh", "-c", "kill -s INT " + pid.getAsLong()).start().waitFor(10, TimeUnit.SECONDS);
			ProcessHandle.of(pid.getAsLong()).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
		}
		FileSystemUtils.deleteRecursively(dir);
	}

	@Test
	void after_kill_9_mid_import_the_application_starts_again_on_its_directory_with_nothing_of_the_import_applied()
			throws Exception {
		int dbPort = freePort();
		App first = start("first", dbPort);
		Path file = dir.resolve("progress.csv");
		new SubjectGenerator(GeneratorOptions.of(SubjectFileKind.PROGRESS, IMPORT_ROWS, 7)).write(file);
		awaitReady(first);

		long before = count(dbPort, "select count(*) from subject");
		assertThat(before).isEqualTo(DEMO_SUBJECTS);
		long postmaster = DataDirectoryClaim.postmasterPid(data).orElseThrow();

		// A second application on the same directory, while the first runs: refused, the first unharmed.
		App second = start("second", freePort());
		assertThat(second.process().waitFor(START_UP.toSeconds(), TimeUnit.SECONDS)).as("the second application gives up").isTrue();
		assertThat(second.process().exitValue()).isNotZero();
		assertThat(log(second)).contains("APPLICATION FAILED TO START").contains("in use by another running Ikiiki Desk");
		assertThat(count(dbPort, "select count(*) from subject")).isEqualTo(before);
		assertThat(ready(first)).isTrue();

		// An import through the API, killed with SIGKILL while it streams rows into PostgreSQL.
		postImport(first.httpPort(), file);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
				count(dbPort, "select coalesce(max(tuples_processed), 0) from pg_stat_progress_copy") > 2_000);
		long importId = count(dbPort, "select max(id) from subject_import where status = 'RUNNING'");
		first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no context close
		assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
				.as("the dead application's PostgreSQL is still running, holding the directory").isPresent();

		App third = start("third", dbPort);
		awaitReady(third);
		assertThat(log(third)).contains("was left running by an application that died")
				.contains("Subject import " + importId + " (progress) was interrupted");
		assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(count(dbPort, "select count(*) from subject")).isEqualTo(before);
		assertThat(count(dbPort, "select count(*) from subject_record where progress_record is not null")).isEqualTo(before);
		assertThat(text(dbPort, "select status from subject_import where id = " + importId)).isEqualTo("FAILED");
		assertThat(text(dbPort, "select reason from subject_import_problem where import_id = " + importId)).contains("中断");
		assertThat(count(dbPort, "select count(*) from subject_import where status = 'RUNNING'")).isZero();
		assertThat(count(dbPort, "select count(*) from audit_event where action = 'IMPORT' and detail like '取込ID="
				+ importId + " %異常終了%'")).isEqualTo(1);

		// A clean stop leaves no server behind.
		long newPostmaster = DataDirectoryClaim.postmasterPid(data).orElseThrow();
		third.process().destroy(); // SIGTERM: the context closes and stops PostgreSQL
		assertThat(third.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(ProcessHandle.of(newPostmaster).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(data.resolve(DataDirectoryClaim.OWNER_FILE)).doesNotExist();
	}

	/** The application in a JVM of its own, as a user runs it (not the test's configuration), on the data directory. */
	private App start(String name, int dbPort) throws IOException {
		int httpPort = freePort();
		String classPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(java.io.File.pathSeparator)).filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(
						java.io.File.pathSeparator));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", classPath,
				IkiikiDeskApplication.class.getName(),
				"--server.port=" + httpPort,
				"--ikiiki.database.embedded.data-dir=" + data,
				"--ikiiki.database.embedded.port=" + dbPort,
				"--ikiiki.demo.enabled=true",
				"--ikiiki.demo.subjects=" + DEMO_SUBJECTS,
				"--ikiiki.telephony.enabled=false",
				"--ikiiki.reports.scheduled=false",
				"--ikiiki.mailings.output-dir=" + dir.resolve("mailings"),
				"--logging.level.root=INFO");
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(logs.resolve(name + ".log").toFile()).start();
		children.add(p);
		return new App(p, httpPort, name);
	}

	/** Waits until the application is ready (after its start-up runners: the demo subjects are in). */
	private void awaitReady(App app) {
		await().atMost(START_UP).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(app.process().isAlive()).as("%s is running; its log:%n%s", app.name(), tail(app)).isTrue();
			return ready(app);
		});
	}

	private static boolean ready(App app) throws InterruptedException {
		try {
			var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
					+ app.httpPort() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		} catch (IOException e) {
			return false;
		}
	}

	/** Posts the file as the demo operator; the answer never comes (the application is killed). */
	private void postImport(int port, Path file) throws IOException {
		String boundary = "----ikiiki" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"progress.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
				HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports/subjects?kind=progress"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(body).build();
		HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.discarding());
	}

	/** As the superuser, with the password the application keeps in its data directory. */
	private Connection superuser(int dbPort) throws SQLException, IOException {
		var secrets = new Properties();
		try (Reader in = Files.newBufferedReader(data.resolve(EmbeddedDatabaseSecrets.FILE), StandardCharsets.UTF_8)) {
			secrets.load(in);
		}
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/ikiiki", "postgres",
				secrets.getProperty("role.postgres"));
	}

	private long count(int dbPort, String sql) throws SQLException, IOException {
		try (Connection c = superuser(dbPort); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private String text(int dbPort, String sql) throws SQLException, IOException {
		try (Connection c = superuser(dbPort); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private String log(App app) throws IOException {
		return Files.readString(logs.resolve(app.name() + ".log"), StandardCharsets.UTF_8);
	}

	private String tail(App app) {
		try {
			List<String> lines = Files.readAllLines(logs.resolve(app.name() + ".log"), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		} catch (IOException e) {
			return "(no log)";
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
