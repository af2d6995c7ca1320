package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import jp.ikiiki.desk.IkiikiDeskApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The handover command (第9章1(4)) as an operator runs it: the application in a JVM of its own on a fresh embedded
 * database, {@code --handover-package=<directory>}. It writes the package, exits with 0 and leaves no PostgreSQL
 * server behind; a target it cannot write to (a path through a file) ends it with 1 and a message naming the path,
 * again with the server stopped. Two starts of the application: about a minute on the shared machine.
 */
class HandoverCommandProcessIT {

	private static final long START_UP_MINUTES = 4;

	private Path dir;
	private Path data;
	private final Path logs = Path.of("target", "handover-command-it");
	private final List<Process> children = new ArrayList<>();

	@BeforeEach
	void directory() throws IOException {
		dir = Files.createTempDirectory("ikiiki-handover-it");
		data = dir.resolve("pgdata");
		FileSystemUtils.deleteRecursively(logs);
		Files.createDirectories(logs);
	}

	@AfterEach
	void cleanUp() throws Exception {
		for (Process p : children) { // only the JVMs this test started
			if (p.isAlive()) {
				p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		// a server a failed run left behind: stopped by its pid (fast shutdown), never by name
		for (ProcessHandle p : postmasters()) {
			new ProcessBuilder("kill", "-s", "INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
			p.onExit().orTimeout(60, TimeUnit.SECONDS).join();
		}
		FileSystemUtils.deleteRecursively(dir);
	}

	@Test
	void the_command_writes_the_package_exits_with_0_and_stops_the_embedded_database_and_refuses_a_bad_target()
			throws Exception {
		// A path through a regular file cannot be a directory: refused after start-up, before the package is built.
		Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
		Process refused = run("refused", file.resolve("handover").toString());
		assertThat(refused.waitFor(START_UP_MINUTES, TimeUnit.MINUTES)).as("the refused command ends").isTrue();
		String refusedLog = log("refused");
		assertThat(refused.exitValue()).as(refusedLog).isEqualTo(1);
		assertThat(refusedLog).contains("Handover package not written: 出力先を作れません（" + file
				+ " はディレクトリではありません）: " + file.resolve("handover"));
		assertNoServerLeft();

		// A directory that does not exist yet: made, the package written into it under its own name.
		Path out = dir.resolve("out").resolve("for-the-next-contractor");
		Process written = run("written", out.toString());
		assertThat(written.waitFor(START_UP_MINUTES, TimeUnit.MINUTES)).as("the command ends").isTrue();
		String writtenLog = log("written");
		assertThat(written.exitValue()).as(writtenLog).isZero();
		List<Path> packages;
		try (var files = Files.list(out)) {
			packages = files.toList();
		}
		assertThat(packages).singleElement().satisfies(p -> {
			assertThat(p.getFileName().toString()).matches("引継ぎパッケージ_\\d{8}-\\d{4}\\.zip");
			try (var zip = new ZipFile(p.toFile(), StandardCharsets.UTF_8)) {
				assertThat(zip.stream().map(e -> e.getName()).toList()).anyMatch(n -> n.endsWith("SHA256SUMS"))
						.anyMatch(n -> n.endsWith("handover-checklist.xlsx"));
			}
		});
		assertThat(writtenLog).contains("Handover package written to " + packages.get(0));
		// a one-off command opens no AMI connection and starts no simulator beside the running centre
		assertThat(writtenLog).doesNotContain("AMI connection to", "AMI simulator listening");
		assertNoServerLeft();
	}

	/** No PostgreSQL server on the data directory: no postmaster.pid, no process naming the directory. */
	private void assertNoServerLeft() {
		assertThat(data.resolve("postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();
		assertThat(postmasters()).as("no server process left on the data directory").isEmpty();
	}

	private List<ProcessHandle> postmasters() {
		String path = data.toString();
		return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false))
				.toList();
	}

	/** The application as an operator starts it, on this test's data directory, with the command's option. */
	private Process run(String name, String target) throws IOException {
		String classPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(java.io.File.pathSeparator)).filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(
						java.io.File.pathSeparator));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp", classPath,
				IkiikiDeskApplication.class.getName(),
				"--ikiiki.database.embedded.data-dir=" + data, "--ikiiki.demo.enabled=false",
				"--ikiiki.mailings.output-dir=" + dir.resolve("mailings"),
				"--handover-package=" + target);
		Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(logs.resolve(name + ".log").toFile()).start();
		children.add(p);
		return p;
	}

	private String log(String name) throws IOException {
		return Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
	}
}
