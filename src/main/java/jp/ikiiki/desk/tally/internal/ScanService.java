package jp.ikiiki.desk.tally.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.platform.web.SafeThrowables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.ManagementNumber;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletScans;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import jp.ikiiki.desk.tally.TallyProperties;
import jp.ikiiki.desk.tally.scan.CoverBarcodeReader;
import jp.ikiiki.desk.tally.scan.PageImages;
import jp.ikiiki.desk.tally.scan.PdfCheck;
import jp.ikiiki.desk.tally.scan.ScanLimits;
import jp.ikiiki.desk.tally.scan.ScanNaming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scanned booklets. Each file is copied to {@code <scan dir>/incoming} (refused when larger than allowed) and hashed
 * (SHA-256: the same file is never kept twice), checked ({@link PdfCheck}) and its cover read ({@link CoverBarcodeReader})
 * in one parse and then either linked — moved to {@code <scan dir>/<year>/<name>} under the booklet's
 * row lock and recorded in {@code booklet_scan} — or queued ({@code <scan dir>/queue}, {@code booklet_scan_queue}).
 * A file is moved before its row is written and removed again if the row cannot be written, so a file and its row
 * exist together or not at all. Files are read on {@code ikiiki.tally.scan.threads} threads.
 */
@Service
class ScanService implements BookletScans {

	private static final Logger log = LoggerFactory.getLogger(ScanService.class);
	private static final int NAME_MAX = 255;

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final BusinessYears years;
	private final TallyProperties.Scan settings;
	private final AuditTrail audit;
	private final TransactionTemplate transaction;
	private final PdfCheck check;
	private final CoverBarcodeReader reader;
	private final AtomicBoolean inboxRunning = new AtomicBoolean();
	private final ScanStore store;

	ScanService(JdbcClient jdbc, Booklets booklets, BusinessYears years, TallyProperties properties, ScanStore store,
			AuditTrail audit, PlatformTransactionManager transactions) {
		this.store = store;
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.years = years;
		this.settings = properties.scan();
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.check = new PdfCheck(new ScanLimits(settings.maxFileSize().toBytes(), settings.maxPages(),
				settings.maxPageMm(), settings.maxImagePixels()));
		this.reader = new CoverBarcodeReader(settings.dpi());
	}

	// --- import -------------------------------------------------------------------------------------------------

	/** What happened to one file. */
	private record Outcome(Linked linked, NotLinked notLinked, String addressNumber) {

		static Outcome refused(String file, String reason) {
			return new Outcome(null, new NotLinked(file, reason, false, null, null), null);
		}
	}

	@Override
	public ScanImport importFiles(List<Upload> files, Integer businessYear, String channel) {
		if (businessYear != null) {
			years.require(businessYear);
		}
		String user = CurrentUser.name();
		List<Outcome> outcomes = run(files, f -> handle(f, businessYear, user), n -> {
		});
		return report(outcomes, channel);
	}

	@Override
	public ScanImport importInbox(Integer businessYear, IntConsumer progress, String channel) {
		if (businessYear != null) {
			years.require(businessYear);
		}
		if (!inboxRunning.compareAndSet(false, true)) {
			throw new StateConflictException("フォルダからの取込は実行中です");
		}
		try {
			String user = CurrentUser.name();
			List<Path> files = inboxFiles();
			List<Upload> uploads = files.stream().map(ScanService::fileUpload).toList();
			List<Outcome> outcomes = run(uploads, u -> {
				Path source = settings.inbox().resolve(u.name());
				Outcome o = handle(u, businessYear, user);
				settle(source, o);
				return o;
			}, progress);
			return report(outcomes, channel);
		} finally {
			inboxRunning.set(false);
		}
	}

	/** Takes a handled file out of the scanner's folder: deleted once kept, moved aside with its reason if refused. */
	private void settle(Path source, Outcome o) {
		try {
			if (o.linked() != null || o.notLinked().queued()) {
				Files.deleteIfExists(source);
			} else {
				Path refused = Files.createDirectories(settings.inbox().resolve("refused"));
				Files.move(source, refused.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				Files.writeString(refused.resolve(source.getFileName() + ".reason.txt"), o.notLinked().reason() + "\n",
						StandardCharsets.UTF_8);
			}
		} catch (IOException e) {
			log.warn("Could not take a handled scan out of the inbox: {}", SafeThrowables.describe(e));
		}
	}

	@Override
	public int inboxCount() {
		return inboxFiles().size();
	}

	private List<Path> inboxFiles() {
		Path inbox = settings.inbox();
		if (!Files.isDirectory(inbox)) {
			return List.of();
		}
		var files = new ArrayList<Path>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(inbox)) {
			for (Path p : stream) {
				if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
					files.add(p);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		files.sort(null);
		return files;
	}

	private static Upload fileUpload(Path file) {
		return new Upload() {
			@Override
			public String name() {
				return file.getFileName().toString();
			}

			@Override
			public InputStream open() throws IOException {
				return Files.newInputStream(file);
			}
		};
	}

	private interface Work {
		Outcome handle(Upload upload);
	}

	private List<Outcome> run(List<Upload> files, Work work, IntConsumer progress) {
		if (files.size() <= 1 || settings.threads() == 1) {
			var outcomes = new ArrayList<Outcome>();
			for (Upload f : files) {
				outcomes.add(work.handle(f));
				progress.accept(outcomes.size());
			}
			return outcomes;
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.threads(), files.size()));
		try {
			AtomicInteger done = new AtomicInteger();
			List<Future<Outcome>> futures = new ArrayList<>();
			for (Upload f : files) {
				futures.add(pool.submit(() -> {
					Outcome o = work.handle(f);
					progress.accept(done.incrementAndGet());
					return o;
				}));
			}
			var outcomes = new ArrayList<Outcome>();
			for (int i = 0; i < futures.size(); i++) {
				try {
					outcomes.add(futures.get(i).get());
				} catch (ExecutionException e) {
					log.error("Scan import failed: {}", SafeThrowables.describe(e.getCause()));
					outcomes.add(Outcome.refused(displayName(files.get(i).name()), "取込中にエラーが発生しました"));
				}
			}
			return outcomes;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("scan import interrupted", e);
		} finally {
			pool.shutdownNow();
		}
	}

	private ScanImport report(List<Outcome> outcomes, String channel) {
		var linked = new ArrayList<Linked>();
		var notLinked = new ArrayList<NotLinked>();
		var subjects = new ArrayList<String>();
		int queued = 0;
		for (Outcome o : outcomes) {
			if (o.linked() != null) {
				linked.add(o.linked());
				subjects.add(o.addressNumber());
			} else {
				notLinked.add(o.notLinked());
				queued += o.notLinked().queued() ? 1 : 0;
			}
		}
		audit.record(AuditAction.IMPORT, channel, subjects, "手帳スキャン取込: 紐付け " + linked.size() + "件, 割当待ち "
				+ queued + "件, 取込不可 " + (notLinked.size() - queued) + "件");
		log.info("Booklet scans imported: {} linked, {} queued, {} refused", linked.size(), queued,
				notLinked.size() - queued);
		return new ScanImport(linked, notLinked);
	}

	/** One file from start to end; never throws for a bad file. */
	private Outcome handle(Upload upload, Integer businessYear, String user) {
		String name = displayName(upload.name());
		Path tmp = store.dir("incoming").resolve(UUID.randomUUID() + ".tmp");
		try {
			String sha;
			try {
				sha = copyLimited(upload, tmp);
			} catch (TooLarge e) {
				return Outcome.refused(name, "ファイルが大きすぎます（上限 " + (settings.maxFileSize().toBytes() >> 20) + " MB）");
			} catch (IOException e) {
				return Outcome.refused(name, "ファイルを読めません");
			}
			Optional<String> duplicate = duplicateOf(sha);
			if (duplicate.isPresent()) {
				return Outcome.refused(name, duplicate.get());
			}
			// One parse of the file for the check and the cover.
			var read = new java.util.concurrent.atomic.AtomicReference<CoverBarcodeReader.Reading>();
			PdfCheck.Result checked = check.check(tmp, document -> read.set(reader.read(document)));
			if (!checked.accepted()) {
				return Outcome.refused(name, checked.reason());
			}
			CoverBarcodeReader.Reading reading = read.get();
			if (reading.number().isEmpty()) {
				return queue(tmp, name, sha, checked.pages(), null, reading.reason(), user);
			}
			return link(tmp, name, sha, checked.pages(), reading.number().get(), businessYear, user);
		} finally {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException e) {
				log.warn("Could not delete a temporary scan file: {}", SafeThrowables.describe(e));
			}
		}
	}

	private static String displayName(String name) {
		String n = name == null ? "" : name.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).strip();
		n = n.replaceAll("\\p{Cntrl}", "");
		if (n.isEmpty()) {
			n = "（名前なし）";
		}
		return n.length() > NAME_MAX ? n.substring(0, NAME_MAX) : n;
	}

	private static final class TooLarge extends IOException {
		TooLarge() {
			super("too large", null);
		}
	}

	/** Copies at most the allowed size and returns the content's SHA-256. */
	private String copyLimited(Upload upload, Path target) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		long max = settings.maxFileSize().toBytes();
		try (InputStream in = new DigestInputStream(upload.open(), digest); OutputStream out = Files.newOutputStream(target)) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int n;
			while ((n = in.read(buffer)) >= 0) {
				total += n;
				if (total > max) {
					throw new TooLarge();
				}
				out.write(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private Optional<String> duplicateOf(String sha) {
		Optional<Long> booklet = jdbc.sql("select booklet_id from booklet_scan where sha256 = :s").param("s", sha)
				.query(Long.class).optional();
		if (booklet.isPresent()) {
			return Optional.of("同じファイルは取込済みです（手帳 " + booklet.get() + "）");
		}
		return jdbc.sql("select id from booklet_scan_queue where sha256 = :s").param("s", sha).query(Long.class)
				.optional().map(q -> "同じファイルが割当待ちにあります（割当待ち " + q + "）");
	}

	private Outcome link(Path tmp, String name, String sha, int pages, ManagementNumber number, Integer businessYear,
			String user) {
		String yearText = businessYear == null ? "" : BusinessYear.labelOf(businessYear) + "の";
		// Files of one number read at once (a main and an additional booklet) compete for the same booklet: the one
		// that loses looks again and takes the next booklet still without a scan.
		for (int attempt = 0; attempt < 3; attempt++) {
			List<BookletSummary> received = booklets.withNumber(number.value(), businessYear);
			if (received.isEmpty()) {
				return queue(tmp, name, sha, pages, number.value(),
						"申請書管理番号 " + number.value() + " の" + yearText + "手帳は受付されていません", user);
			}
			List<BookletSummary> open = received.stream().filter(b -> !b.scanned()).toList();
			if (open.isEmpty()) {
				return queue(tmp, name, sha, pages, number.value(), "申請書管理番号 " + number.value() + " の受付済み"
						+ yearText + "手帳にはすべてスキャンが紐付いています", user);
			}
			List<Integer> openYears = open.stream().map(BookletSummary::businessYear).distinct().toList();
			if (openYears.size() > 1) {
				return queue(tmp, name, sha, pages, number.value(), "申請書管理番号 " + number.value() + " は複数の年度（"
						+ String.join("、", openYears.stream().map(BusinessYear::labelOf).toList())
						+ "）で受付済みです。年度を選んで割り当ててください", user);
			}
			BookletSummary target = open.get(0);
			try {
				String stored = store.link(tmp, target, sha, pages, name, "BARCODE", user);
				return new Outcome(new Linked(name, number.value(), target.id(), stored), null, target.addressNumber());
			} catch (StateConflictException raced) {
				// another file took this booklet meanwhile: look again
			} catch (DuplicateKeyException e) {
				break; // the same content was linked elsewhere meanwhile
			}
		}
		return queue(tmp, name, sha, pages, number.value(), "申請書管理番号 " + number.value()
				+ " の手帳には別のスキャンが紐付きました。確認して割り当ててください", user);
	}

	private Outcome queue(Path tmp, String name, String sha, int pages, String decoded, String reason, String user) {
		try {
			long id = store.enqueue(tmp, name, sha, pages, decoded, reason, user);
			return new Outcome(null, new NotLinked(name, reason, true, id, decoded), null);
		} catch (DuplicateKeyException e) {
			return Outcome.refused(name, "同じファイルが割当待ちにあります");
		} catch (IOException e) {
			return Outcome.refused(name, "ファイルを保存できません");
		}
	}

	// --- the queue ----------------------------------------------------------------------------------------------

	@Override
	public List<QueuedScan> queue() {
		return jdbc.sql("select * from booklet_scan_queue order by queued_at, id")
				.query((rs, n) -> new QueuedScan(rs.getLong("id"), rs.getString("original_name"), rs.getInt("pages"),
						rs.getString("decoded"), rs.getString("reason"), rs.getString("queued_by"),
						Booklets.instant(rs, "queued_at")))
				.list();
	}

	private Path queuedFile(long queueId) {
		String stored = jdbc.sql("select stored_name from booklet_scan_queue where id = :id").param("id", queueId)
				.query(String.class).optional()
				.orElseThrow(() -> new NotFoundException("割当待ちのスキャン " + queueId + " はありません"));
		return store.queuedFile(stored);
	}

	@Override
	public byte[] queuedPage(long queueId, int page) {
		return png(queuedFile(queueId), page);
	}

	private static byte[] png(Path file, int page) {
		try {
			byte[] png = PageImages.png(file, page);
			if (png == null) {
				throw new NotFoundException(page + "ページ目はありません");
			}
			return png;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public byte[] bookletPage(long bookletId, int page, String channel) {
		BookletSummary booklet = booklets.find(bookletId)
				.orElseThrow(() -> new NotFoundException("手帳 " + bookletId + " はありません"));
		if (!booklet.scanned()) {
			throw new NotFoundException("手帳 " + bookletId + " のスキャンはまだありません");
		}
		byte[] png = png(store.bookletFile(booklet), page);
		audit.record(AuditAction.VIEW, channel, List.of(booklet.addressNumber()),
				"手帳スキャン " + booklet.scanFile() + " p." + page);
		return png;
	}

	@Override
	public int bookletPages(long bookletId) {
		return jdbc.sql("select pages from booklet_scan where booklet_id = :id").param("id", bookletId)
				.query(Integer.class).optional().orElse(0);
	}

	@Override
	public BookletSummary assign(long queueId, String managementNumber, int businessYear, BookletKind kind,
			String channel) {
		ManagementNumber number = ManagementNumber.parse(managementNumber);
		years.require(businessYear);
		var queued = jdbc.sql("select * from booklet_scan_queue where id = :id").param("id", queueId)
				.query((rs, n) -> new Object[] { rs.getString("stored_name"), rs.getString("sha256"), rs.getInt("pages"),
						rs.getString("original_name") })
				.optional().orElseThrow(() -> new NotFoundException("割当待ちのスキャン " + queueId + " はありません"));
		BookletSummary booklet = booklets.withNumber(number.value(), businessYear).stream()
				.filter(b -> b.kind() == (kind == null ? BookletKind.MAIN : kind)).findFirst()
				.orElseThrow(() -> new NotFoundException("申請書管理番号 " + number.value() + " の"
						+ BusinessYear.labelOf(businessYear) + "・" + (kind == null ? BookletKind.MAIN : kind).label()
						+ "は受付されていません"));
		Path source = store.queuedFile((String) queued[0]);
		String stored = transaction.execute(tx -> {
			int removed = jdbc.sql("delete from booklet_scan_queue where id = :id").param("id", queueId).update();
			if (removed == 0) {
				throw new NotFoundException("割当待ちのスキャン " + queueId + " はありません");
			}
			return store.link(source, booklet, (String) queued[1], (Integer) queued[2], (String) queued[3], "HAND",
					CurrentUser.name());
		});
		ScanStore.deleteQuietly(source);
		audit.record(AuditAction.UPDATE, channel, List.of(booklet.addressNumber()),
				"手帳スキャン割当 " + stored + " (booklet=" + booklet.id() + ")");
		log.info("Queued scan {} assigned to booklet {}", queueId, booklet.id());
		return booklets.find(booklet.id()).orElseThrow();
	}

	@Override
	public void discard(long queueId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("理由", "削除する理由を入力してください");
		}
		Path file = queuedFile(queueId);
		int removed = jdbc.sql("delete from booklet_scan_queue where id = :id").param("id", queueId).update();
		if (removed == 0) {
			throw new NotFoundException("割当待ちのスキャン " + queueId + " はありません");
		}
		ScanStore.deleteQuietly(file);
		audit.recordFile(AuditAction.UPDATE, "画面:スキャン割当", file.getFileName().toString(),
				"割当待ちスキャン " + queueId + " を削除: " + reason.strip());
		log.info("Queued scan {} discarded", queueId);
	}
}
