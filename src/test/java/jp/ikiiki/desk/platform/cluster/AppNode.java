package jp.ikiiki.desk.platform.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One application node in its own JVM ({@code java -cp} of the test class path), on a test host or, with no
 * namespace, on this machine's loopback. Its log goes to {@code target/cluster-it/<name>-<n>.log}.
 */
final class AppNode implements AutoCloseable {

	static final Path LOGS = Path.of("target", "cluster-it");
	private static int runs;

	final String name;
	final String address;
	final int port;
	private final Process process;
	private final Path log;

	private AppNode(String name, String address, int port, Process process, Path log) {
		this.name = name;
		this.address = address;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a node against {@code db} in namespace {@code ns} (null: this machine, embedded database when
	 * {@code db} is null), talking to the AMI at {@code amiHost:amiPort}.
	 */
	static AppNode start(String name, String ns, String address, int port, NamespacedPostgres db, String amiHost,
			int amiPort, Path work) throws IOException {
		return start(name, ns, address, port, db, amiHost, amiPort, work, false);
	}

	/** As {@link #start(String, String, String, int, NamespacedPostgres, String, int, Path)}, with demo users and subjects. */
	static AppNode start(String name, String ns, String address, int port, NamespacedPostgres db, String amiHost,
			int amiPort, Path work, boolean demo) throws IOException {
		Files.createDirectories(LOGS);
		Path log = LOGS.resolve(name + "-" + (++runs) + ".log");
		String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
				System.getProperty("java.class.path")).split(java.io.File.pathSeparator)).collect(
						Collectors.joining(java.io.File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
				.toString(), "-Xmx448m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
				"-cp", classPath, "jp.ikiiki.desk.IkiikiDeskApplication",
				"--server.address=" + address,
				"--server.port=" + port,
				"--ikiiki.demo.enabled=" + demo,
				"--ikiiki.telephony.mode=asterisk",
				"--ikiiki.telephony.ami.host=" + amiHost,
				"--ikiiki.telephony.ami.port=" + amiPort,
				"--ikiiki.telephony.connection.login-retry=1s",
				// Whatever the hour of the run: calls are taken (0 lines while the city is closed by default).
				"--ikiiki.lines.out-of-hours-limit=4",
				// one directory for both nodes, as their files must be on one shared storage (the nodes check it)
				"--ikiiki.mailings.output-dir=" + work.resolve("mailings"),
				"--logging.level.root=INFO"));
		Map<String, String> env = new java.util.HashMap<>();
		if (db != null) {
			command.add("--ikiiki.cluster.enabled=true");
			command.add("--ikiiki.cluster.node=" + name);
			env.put("SPRING_DATASOURCE_URL", db.url("ikiiki"));
			env.put("SPRING_DATASOURCE_USERNAME", "ikiiki_app");
			env.put("SPRING_DATASOURCE_PASSWORD", db.appPassword);
			env.put("SPRING_FLYWAY_USER", "ikiiki_owner");
			env.put("SPRING_FLYWAY_PASSWORD", db.ownerPassword);
		} else {
			command.add("--ikiiki.database.embedded.data-dir=");
		}
		ProcessBuilder pb = new ProcessBuilder(ns == null ? command : TestHosts.in(ns, command)).directory(work.toFile())
				.redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().putAll(env);
		return new AppNode(name, address, port, pb.start(), log);
	}

	String url(String path) {
		return "http://" + address + ":" + port + path;
	}

	boolean alive() {
		return process.isAlive();
	}

	/** Ready: started, migrated, web server up (Spring Boot's readiness). */
	boolean ready() throws InterruptedException {
		if (!process.isAlive()) {
			throw new IllegalStateException(name + " ended; its log:\n" + tail());
		}
		try {
			var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
					"/actuator/health/readiness"))).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		} catch (IOException e) {
			return false;
		}
	}

	/** kill -9: no shutdown hook, no clean hand-over. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		} catch (IOException e) {
			return "(no log)";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}
}
