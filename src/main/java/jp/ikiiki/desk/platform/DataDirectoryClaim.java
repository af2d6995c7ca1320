package jp.ikiiki.desk.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure that one application, and one PostgreSQL server, use a data directory at a time — and that a server
 * left behind by an application that died (kill -9, power loss of the JVM only) does not keep the next start out.
 * <p>
 * How it knows:
 * <ul>
 * <li>A running application holds zonky's lock on {@code epg-lock} in the data directory (an fcntl lock, which the
 * kernel releases when the process dies, however it dies). If that lock is taken, a live application uses the
 * directory: refused. Within one JVM a registry of claimed directories answers the same question.</li>
 * <li>After its server has started, the application writes {@value #OWNER_FILE}: its own pid and start time and the
 * postmaster's pid.</li>
 * <li>At the next start, if {@code postmaster.pid} names a live process, that process is checked in {@code /proc} to
 * be a {@code postgres} working in this very directory. It is stopped (fast shutdown: SIGINT, which rolls back open
 * transactions and writes a checkpoint; SIGQUIT if it has not stopped after a minute) only when it is the postmaster
 * {@value #OWNER_FILE} names and the JVM recorded there is gone. A server someone else started there (by hand, or an
 * older version of the application) is not touched: refused, with how to stop it.</li>
 * </ul>
 */
final class DataDirectoryClaim implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DataDirectoryClaim.class);
	static final String OWNER_FILE = "ikiiki-owner.properties";
	/** zonky's lock file, held by the running application for as long as its server runs. */
	static final String ZONKY_LOCK = "epg-lock";
	private static final Set<Path> CLAIMED = ConcurrentHashMap.newKeySet();
	private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
	private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

	private final Path key;
	private volatile long postmasterPid = -1;

	private DataDirectoryClaim(Path key) {
		this.key = key;
	}

	/**
	 * Claims the data directory for this application, stopping a postmaster orphaned by a dead application first.
	 *
	 * @throws EmbeddedDatabaseRefusal if a live application or a server not started by the application uses it
	 */
	static DataDirectoryClaim claim(Path dataDir) {
		Path key;
		try {
			key = dataDir.toRealPath();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!CLAIMED.add(key)) {
			throw inUse(dataDir, "this process (" + ProcessHandle.current().pid() + ")");
		}
		try {
			if (!zonkyLockFree(key)) {
				throw inUse(dataDir, readOwner(key).map(o -> "process " + o.jvmPid()).orElse("another process"));
			}
			stopOrphanedPostmaster(key);
			return new DataDirectoryClaim(key);
		} catch (RuntimeException e) {
			CLAIMED.remove(key);
			throw e;
		}
	}

	/** Records that this JVM owns the server now running on the directory. */
	void recordOwner() {
		long postmaster = postmasterPid(key).orElseThrow(() -> new IllegalStateException("no postmaster.pid after start"));
		postmasterPid = postmaster;
		ProcessHandle self = ProcessHandle.current();
		var text = "# The application that started the embedded PostgreSQL on this directory (see docs/operations.md).\n"
				+ "jvm.pid=" + self.pid() + "\n"
				+ "jvm.started=" + self.info().startInstant().map(Instant::toString).orElse("") + "\n"
				+ "postmaster.pid=" + postmaster + "\n";
		Path file = key.resolve(OWNER_FILE);
		Path tmp = key.resolve(OWNER_FILE + ".tmp");
		try {
			Files.deleteIfExists(tmp);
			Files.createFile(tmp, PosixFilePermissions.asFileAttribute(EmbeddedDatabaseSecrets.OWNER_ONLY_FILE));
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The pid of the server this application started; -1 before {@link #recordOwner()}. */
	long postmasterPid() {
		return postmasterPid;
	}

	/** After the server has stopped: the directory is free again. */
	@Override
	public void close() {
		close(true);
	}

	/**
	 * Lets the directory go.
	 *
	 * @param serverStopped false if this JVM's server is still running: its owner record stays, so that the next start
	 *                      recognises it as left behind by this (by then ended) JVM and stops it
	 */
	void close(boolean serverStopped) {
		try {
			if (serverStopped) {
				Files.deleteIfExists(key.resolve(OWNER_FILE));
			}
		} catch (IOException e) {
			log.warn("Could not remove {}: {}", key.resolve(OWNER_FILE), e.getClass().getName());
		} finally {
			CLAIMED.remove(key);
		}
	}

	private static EmbeddedDatabaseRefusal inUse(Path dataDir, String who) {
		return new EmbeddedDatabaseRefusal("The embedded database's data directory " + dataDir
				+ " is in use by another running Ikiiki Desk (" + who + "). Two applications must never share one "
				+ "data directory.", "Stop the other application, or give this one its own directory (IKIIKI_DATA_DIR).");
	}

	/**
	 * Whether no live process holds zonky's lock. The probe's channel is closed at once: closing a channel drops
	 * every lock this JVM holds on the file, which is why the registry is asked first.
	 */
	private static boolean zonkyLockFree(Path dir) {
		Path lockFile = dir.resolve(ZONKY_LOCK);
		if (!Files.exists(lockFile)) {
			return true;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return false;
			}
			lock.release();
			return true;
		} catch (OverlappingFileLockException e) {
			return false;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void stopOrphanedPostmaster(Path dir) {
		OptionalLong recorded = postmasterPid(dir);
		if (recorded.isEmpty()) {
			return;
		}
		long pid = recorded.getAsLong();
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return; // a stale postmaster.pid: PostgreSQL sees the process is gone and replaces it
		}
		if (!isPostmasterOf(pid, dir)) {
			throw new EmbeddedDatabaseRefusal("postmaster.pid in " + dir + " names process " + pid
					+ ", which is not a PostgreSQL server working in this directory (the file is stale and its number "
					+ "has been reused), or /proc cannot tell.",
					"Make sure no PostgreSQL runs on " + dir + " (ps -ef | grep postgres), then delete "
							+ dir.resolve("postmaster.pid") + " and start again.");
		}
		Optional<Owner> owner = readOwner(dir);
		if (owner.isEmpty() || owner.get().postmasterPid() != pid) {
			throw new EmbeddedDatabaseRefusal("A PostgreSQL server (process " + pid + ") that this application did not "
					+ "start runs on the embedded database's data directory " + dir + ".",
					"Stop it (kill -INT " + pid + ", or pg_ctl -D " + dir + " stop -m fast), then start again.");
		}
		if (owner.get().jvmAlive()) {
			throw inUse(dir, "process " + owner.get().jvmPid());
		}
		log.warn("The embedded PostgreSQL (process {}) was left running by an application that died (process {}); "
				+ "stopping it (fast shutdown: open transactions are rolled back)", pid, owner.get().jvmPid());
		if (!stop(process.get(), "INT", FAST_SHUTDOWN) && !stop(process.get(), "QUIT", IMMEDIATE_SHUTDOWN)) {
			throw new EmbeddedDatabaseRefusal("The embedded PostgreSQL left running by a dead application (process "
					+ pid + ") did not stop.", "Stop it by hand (kill -QUIT " + pid + "), then start again.");
		}
		log.info("Orphaned embedded PostgreSQL stopped; starting on {}", dir);
	}

	/** Sends a signal and waits for the process to end. */
	private static boolean stop(ProcessHandle process, String signal, Duration wait) {
		try {
			// Java cannot send SIGINT or SIGQUIT itself (ProcessHandle only knows TERM and KILL).
			Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " " + process.pid())
					.redirectErrorStream(true).start();
			kill.waitFor(10, TimeUnit.SECONDS);
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (java.util.concurrent.TimeoutException e) {
			return !process.isAlive();
		} catch (IOException | java.util.concurrent.ExecutionException e) {
			return !process.isAlive();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Whether the process is a {@code postgres} whose working directory (or {@code -D}) is this directory. */
	static boolean isPostmasterOf(long pid, Path dir) {
		Path proc = Path.of("/proc", Long.toString(pid));
		try {
			if (!Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip().equals("postgres")) {
				return false;
			}
		} catch (IOException e) {
			return false;
		}
		try {
			return Files.readSymbolicLink(proc.resolve("cwd")).equals(dir);
		} catch (IOException | UnsupportedOperationException | SecurityException e) {
			// /proc/<pid>/cwd needs ptrace rights; the command line does not: postgres -D <dir> ...
			try {
				List<String> args = List.of(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).split("\0"));
				int d = args.indexOf("-D");
				return d >= 0 && d + 1 < args.size() && Path.of(args.get(d + 1)).toRealPath().equals(dir);
			} catch (IOException | RuntimeException ignored) {
				return false;
			}
		}
	}

	/** The pid on the first line of postmaster.pid, if the file exists. */
	static OptionalLong postmasterPid(Path dir) {
		try {
			List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
			return lines.isEmpty() || lines.get(0).isBlank() ? OptionalLong.empty()
					: OptionalLong.of(Long.parseLong(lines.get(0).strip()));
		} catch (NoSuchFileException e) {
			return OptionalLong.empty();
		} catch (IOException | NumberFormatException e) {
			return OptionalLong.empty();
		}
	}

	/** What {@value #OWNER_FILE} says. */
	record Owner(long jvmPid, Optional<Instant> jvmStarted, long postmasterPid) {

		/** Whether the recorded JVM still runs (its pid alive with the same start time, so not a reused pid). */
		boolean jvmAlive() {
			return ProcessHandle.of(jvmPid).filter(ProcessHandle::isAlive)
					.filter(p -> jvmStarted.isEmpty() || p.info().startInstant().isEmpty()
							|| Duration.between(p.info().startInstant().get(), jvmStarted.get()).abs().toMillis() < 1000)
					.isPresent();
		}
	}

	static Optional<Owner> readOwner(Path dir) {
		Path file = dir.resolve(OWNER_FILE);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		var properties = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(in);
			String started = properties.getProperty("jvm.started", "");
			return Optional.of(new Owner(Long.parseLong(properties.getProperty("jvm.pid", "-1").strip()),
					started.isBlank() ? Optional.empty() : Optional.of(Instant.parse(started.strip())),
					Long.parseLong(properties.getProperty("postmaster.pid", "-1").strip())));
		} catch (IOException | RuntimeException e) {
			log.warn("Unreadable {}: {}", file, e.getClass().getName());
			return Optional.empty();
		}
	}
}
