package jp.ikiiki.desk.mailings.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.MissingBarcodeEnvelope;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.printing.MissingCustomerBarcode;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Print runs: the batch's print files written bundle by bundle through {@code printing.PrintFiles}, each to a
 * temporary name and then moved into place, each bundle's state (and its envelopes without a customer barcode)
 * committed on its own, so that a cancelled or failed run resumes at the first bundle not written. Nothing is written
 * while a character awaits the city's decision (第3章1).
 */
@Component
class PrintRuns {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final ObjectProvider<PrintFiles> printFiles;
	private final BatchStore store;
	private final BatchContents contents;
	private final RegisteredNumberRanges registeredNumbers;
	private final AuditTrail audit;
	private final MailingsProperties properties;

	PrintRuns(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, ObjectProvider<PrintFiles> printFiles,
			BatchStore store, BatchContents contents, RegisteredNumberRanges registeredNumbers, AuditTrail audit,
			MailingsProperties properties) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.printFiles = printFiles;
		this.store = store;
		this.contents = contents;
		this.registeredNumbers = registeredNumbers;
		this.audit = audit;
		this.properties = properties;
	}

	java.util.Map<String, String> formTitles() {
		return printFiles.getObject().formTitles();
	}

	List<UnprintableText> undecided(long batchId, String channel) {
		BatchStore.Batch b = store.load(batchId);
		List<UnprintableText> out = undecided(b);
		audit.record(AuditAction.VIEW, channel, out.stream().map(UnprintableText::subjectId).distinct().toList(),
				"郵送バッチ " + batchId + " 未決定の文字 " + out.size() + " 件");
		return out;
	}

	private List<UnprintableText> undecided(BatchStore.Batch b) {
		List<UnprintableText> out = new ArrayList<>();
		PrintFiles files = printFiles.getObject();
		for (int bundle : contents.bundleNumbers(b.id(), false)) {
			List<PrintItem> items = contents.items(b.id(), bundle);
			for (String form : b.kind().forms()) {
				for (UnprintableText u : files.undecided(form, items)) {
					if (!out.contains(u)) {
						out.add(u);
					}
				}
			}
		}
		return out;
	}

	PrintRun print(long batchId, MailingProgress progress, String channel) {
		BatchStore.Batch b = store.load(batchId);
		b.check(BatchStatus.Action.PRINT);
		if (b.kind().registeredMail()) {
			registeredNumbers.assign(batchId);
		}
		List<UnprintableText> undecided = undecided(b);
		store.recordUndecided(batchId, undecided.size());
		audit.record(AuditAction.VIEW, channel, undecided.stream().map(UnprintableText::subjectId).distinct().toList(),
				"郵送バッチ " + batchId + " 未決定の文字 " + undecided.size() + " 件");
		if (!undecided.isEmpty()) {
			return new PrintRun(PrintRun.Outcome.UNDECIDED, 0, 0, undecided);
		}
		PrintFiles files = printFiles.getObject();
		Path dir = properties.outputDir().resolve("batch-" + batchId);
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Integer> all = contents.bundleNumbers(batchId, false);
		List<Integer> pending = contents.bundleNumbers(batchId, true);
		int skipped = all.size() - pending.size();
		int written = 0;
		int withoutBarcode = 0;
		PrintRun.Outcome outcome = PrintRun.Outcome.DONE;
		for (int bundle : pending) {
			if (progress.cancelled()) {
				outcome = PrintRun.Outcome.CANCELLED;
				break;
			}
			progress.update(skipped + written, all.size(), "束 " + bundle + " / " + all.size() + " を作成しています");
			withoutBarcode += writeBundle(b, bundle, dir, files);
			written++;
		}
		progress.update(skipped + written, all.size(), outcome == PrintRun.Outcome.DONE ? "完了" : "中止しました");
		if (outcome == PrintRun.Outcome.DONE && b.status() == BatchStatus.SELECTED) {
			store.transition(batchId, BatchStatus.Action.PRINT, "printed_at = now()", Map.of());
		}
		audit.record(AuditAction.PRINT, channel, List.of(), dir.toString(), "郵送バッチ " + batchId + " 印刷ファイル: 作成 "
				+ written + " 束, 作成済で省略 " + skipped + " 束, カスタマバーコードなし " + withoutBarcode + " 通, " + outcome);
		return new PrintRun(outcome, written, skipped, List.of());
	}

	/** Writes one bundle's files and commits its state; returns how many of its envelopes got no customer barcode. */
	private int writeBundle(BatchStore.Batch b, int bundle, Path dir, PrintFiles files) {
		long batchId = b.id();
		List<PrintItem> items = contents.items(batchId, bundle);
		List<String> names = new ArrayList<>();
		Map<String, String> missing = new LinkedHashMap<>();
		for (String form : b.kind().forms()) {
			String name = String.format("batch-%d-bundle-%04d-%s.pdf", batchId, bundle, form);
			if (!items.isEmpty()) {
				writeAtomically(dir.resolve(name), out -> files.render(form, items, out));
				for (MissingCustomerBarcode m : files.withoutCustomerBarcode(form, items)) {
					missing.putIfAbsent(m.subjectId(), m.reason());
				}
			}
			names.add(name);
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("delete from mailing_missing_customer_barcode where batch_id = :id and bundle_no = :bundle")
					.param("id", batchId).param("bundle", bundle).update();
			List<Object[]> rows = new ArrayList<>();
			missing.forEach((subject, reason) -> rows.add(new Object[] { batchId, bundle, subject, reason }));
			if (!rows.isEmpty()) {
				template.batchUpdate("""
						insert into mailing_missing_customer_barcode (batch_id, bundle_no, subject_id, reason)
						values (?, ?, ?, ?)""", rows);
			}
			jdbc.sql("""
					update mailing_bundle set written_at = now(), file_name = :names
					where batch_id = :id and bundle_no = :bundle and written_at is null""")
					.param("names", String.join(",", names)).param("id", batchId).param("bundle", bundle).update();
		});
		return missing.size();
	}

	List<MissingBarcodeEnvelope> missingCustomerBarcodes(long batchId, String channel) {
		store.load(batchId);
		List<MissingBarcodeEnvelope> out = jdbc.sql("""
				select m.subject_id, m.bundle_no, e.bundle_seq, e.pulled_at is not null as pulled, m.reason
				from mailing_missing_customer_barcode m
				join mailing_envelope e on e.batch_id = m.batch_id and e.subject_id = m.subject_id
				where m.batch_id = :id
				order by m.bundle_no, e.bundle_seq""").param("id", batchId)
				.query((rs, n) -> new MissingBarcodeEnvelope(rs.getString("subject_id"), rs.getInt("bundle_no"),
						rs.getInt("bundle_seq"), rs.getBoolean("pulled"), rs.getString("reason")))
				.list();
		audit.record(AuditAction.VIEW, channel, out.stream().map(MissingBarcodeEnvelope::subjectId).toList(),
				"郵送バッチ " + batchId + " カスタマバーコードなし " + out.size() + " 件");
		return out;
	}

	/**
	 * Removes what an interrupted run left half-written: the temporary files beside the bundles (a bundle's file is
	 * moved into place whole, so every other file is complete; a complete file whose bundle was not yet committed is
	 * written again, under the same name, by the run that resumes). Returns how many were removed.
	 */
	int removeHalfWritten(long batchId) {
		Path dir = properties.outputDir().resolve("batch-" + batchId);
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		int removed = 0;
		try (var files = Files.newDirectoryStream(dir, "*.pdf.tmp")) {
			for (Path f : files) {
				if (Files.deleteIfExists(f)) {
					removed++;
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return removed;
	}

	private interface Writer {
		void write(OutputStream out) throws IOException;
	}

	/** Writes to a temporary name beside the target, then moves it into place: a file is whole or absent. */
	private static void writeAtomically(Path target, Writer writer) {
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				writer.write(out);
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// the next run overwrites it
			}
			throw new UncheckedIOException(e);
		}
	}
}
