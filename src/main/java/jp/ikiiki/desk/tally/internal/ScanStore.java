package jp.ikiiki.desk.tally.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.TallyProperties;
import jp.ikiiki.desk.tally.scan.ScanNaming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where scans are kept, outside the database: linked ones under {@code <scan dir>/<year>/<name>} (別紙3 col 76/77),
 * queued ones under {@code <scan dir>/queue/<random>.pdf}, each with its row ({@code booklet_scan},
 * {@code booklet_scan_queue}). A file is written next to its place and moved in, then its row is written; if the row
 * cannot be written (or its transaction rolls back) the file is removed again, so a file and its row exist together or
 * not at all.
 */
@Component
class ScanStore {

	private static final Logger log = LoggerFactory.getLogger(ScanStore.class);

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final TallyProperties.Scan settings;
	private final TallyClock clock;
	private final TransactionTemplate transaction;

	ScanStore(JdbcClient jdbc, Booklets booklets, TallyProperties properties, TallyClock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.settings = properties.scan();
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** A folder under the scan directory, created if missing. */
	Path dir(String child) {
		Path p = settings.dir().resolve(child);
		try {
			Files.createDirectories(p);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}

	/** Where a booklet's linked scan is kept. */
	Path bookletFile(BookletSummary booklet) {
		return settings.dir().resolve(String.valueOf(booklet.businessYear())).resolve(booklet.scanFile());
	}

	/** Where a queued file is kept. */
	Path queuedFile(String storedName) {
		return settings.dir().resolve("queue").resolve(storedName);
	}

	/**
	 * Copies the file to the booklet's name and records it, under the booklet's row lock (joining a transaction
	 * already open).
	 *
	 * @return the stored name
	 * @throws StateConflictException if the booklet has a scan already
	 */
	String link(Path source, BookletSummary booklet, String sha, int pages, String originalName, String how,
			String user) {
		String fileName = ScanNaming.fileName(booklet.businessYear(), booklet.managementNumber(), booklet.kind());
		Path target = dir(String.valueOf(booklet.businessYear())).resolve(fileName);
		return transaction.execute(tx -> {
			booklets.lock(booklet.id());
			// Read after the lock is held: a statement that waited for the lock still sees its own older snapshot of
			// the joined scan table, a new statement sees what the holder committed.
			Optional<String> linked = jdbc.sql("select file_name from booklet_scan where booklet_id = :id")
					.param("id", booklet.id()).query(String.class).optional();
			if (linked.isPresent()) {
				throw new StateConflictException("手帳 " + booklet.id() + " にはスキャンが紐付いています（" + linked.get() + "）");
			}
			try {
				moveInto(source, target);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			try {
				jdbc.sql("""
						insert into booklet_scan (booklet_id, file_name, sha256, pages, bytes, original_name, linked_how,
						                          linked_by, linked_at)
						values (:id, :name, :sha, :pages, :bytes, :original, :how, :by, :at)""")
						.param("id", booklet.id()).param("name", fileName).param("sha", sha).param("pages", pages)
						.param("bytes", size(target)).param("original", originalName).param("how", how)
						.param("by", user).param("at", Booklets.at(clock.now())).update();
			} catch (RuntimeException e) {
				deleteQuietly(target);
				throw e;
			}
			removeOnRollback(target);
			return fileName;
		});
	}

	/**
	 * Keeps a file in the queue with its reason.
	 *
	 * @return the queue entry's id
	 * @throws IOException                                         if the file cannot be written
	 * @throws org.springframework.dao.DuplicateKeyException if the same content is queued already (nothing kept)
	 */
	long enqueue(Path source, String originalName, String sha, int pages, String decoded, String reason, String user)
			throws IOException {
		String stored = UUID.randomUUID() + ".pdf";
		Path target = dir("queue").resolve(stored);
		moveInto(source, target);
		try {
			return jdbc.sql("""
					insert into booklet_scan_queue (stored_name, sha256, pages, bytes, original_name, decoded, reason,
					                                queued_by, queued_at)
					values (:stored, :sha, :pages, :bytes, :original, :decoded, :reason, :by, :at) returning id""")
					.param("stored", stored).param("sha", sha).param("pages", pages).param("bytes", size(target))
					.param("original", originalName).param("decoded", decoded).param("reason", reason).param("by", user)
					.param("at", Booklets.at(clock.now())).query(Long.class).single();
		} catch (RuntimeException e) {
			deleteQuietly(target);
			throw e;
		}
	}

	/** Removes a stored file if the transaction that recorded it rolls back after all. */
	private static void removeOnRollback(Path target) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					deleteQuietly(target);
				}
			}
		});
	}

	private static void moveInto(Path source, Path target) throws IOException {
		Path part = target.resolveSibling(target.getFileName() + ".part");
		Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
		try {
			Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static long size(Path p) {
		try {
			return Files.size(p);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Deletes a file, logging (without its name) if it cannot be. */
	static void deleteQuietly(Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (IOException e) {
			log.warn("Could not delete a scan file: {}", SafeThrowables.describe(e));
		}
	}
}
