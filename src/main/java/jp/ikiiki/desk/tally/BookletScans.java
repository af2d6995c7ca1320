package jp.ikiiki.desk.tally;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Scanned booklets (第10章1): one PDF per cut booklet with every page. The cover's barcode (申請書管理番号) is read
 * from the rendered first page and the file is linked to the received booklet and stored outside the database under
 * its 別紙3 col 76/77 name; a file that cannot be read or linked waits in a queue until an operator assigns it.
 * Files that are not acceptable at all (not a PDF, encrypted, no pages, too many pages, a page or image too large)
 * are refused with the reason and nothing is kept.
 */
public interface BookletScans {

	/**
	 * Imports uploaded files, each on its own: one file's failure never affects another.
	 *
	 * @param files        the files (name and content, read once)
	 * @param businessYear link only to booklets of this year; null: any open year (a number received for two years
	 *                     goes to the queue)
	 * @param channel      the screen or API call
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	ScanImport importFiles(List<Upload> files, Integer businessYear, String channel);

	/**
	 * Imports every PDF in the scanner's folder ({@code ikiiki.tally.scan.inbox}); each file leaves the folder once
	 * handled (linked, queued, or moved to its {@code refused} sub-folder with a {@code .reason.txt}).
	 *
	 * @param progress called with the number of files handled so far
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	ScanImport importInbox(Integer businessYear, IntConsumer progress, String channel);

	/** PDFs waiting in the scanner's folder. */
	@PreAuthorize("hasRole('OPERATOR')")
	int inboxCount();

	/** Files waiting for an operator, oldest first. */
	@PreAuthorize("hasRole('OPERATOR')")
	List<QueuedScan> queue();

	/**
	 * A page of a queued file as PNG, for the operator to read the number.
	 *
	 * @param page 1-based
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown file or page
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	byte[] queuedPage(long queueId, int page);

	/**
	 * A page of a booklet's linked scan as PNG (the keying screens show it beside the fields). Audited as VIEW.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException if the booklet has no scan or no such page
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	byte[] bookletPage(long bookletId, int page, String channel);

	/** Pages of a booklet's linked scan; 0 if none. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	int bookletPages(long bookletId);

	/**
	 * Links a queued file to a received booklet by its number, as the operator read it from the page.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException      unknown queue entry, or no such booklet received
	 * @throws jp.ikiiki.desk.shared.StateConflictException the booklet has a scan already
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BookletSummary assign(long queueId, String managementNumber, int businessYear, BookletKind kind, String channel);

	/**
	 * Removes a queued file that is no booklet at all (a blank sheet, a stray document), with the reason in the audit
	 * trail.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException without a reason
	 * @throws jp.ikiiki.desk.shared.NotFoundException     unknown queue entry
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	void discard(long queueId, String reason);

	/** An uploaded file: its name and a way to read it (once). */
	interface Upload {
		/** The file's name as the client gave it. */
		String name();

		/** Opens the content. */
		InputStream open() throws IOException;
	}

	/**
	 * What an import did, file by file.
	 *
	 * @param linked     files linked to their booklet
	 * @param unreadable files not linked, with the reason: queued for an operator ({@code queued}) or refused and not
	 *                   kept
	 */
	record ScanImport(List<Linked> linked, List<NotLinked> unreadable) {

		public ScanImport {
			linked = List.copyOf(linked);
			unreadable = List.copyOf(unreadable);
		}
	}

	/**
	 * A linked file.
	 *
	 * @param file             the name it came with
	 * @param managementNumber the number read
	 * @param bookletId        the booklet
	 * @param storedAs         the name it is kept under (別紙3 col 76/77)
	 */
	record Linked(String file, String managementNumber, long bookletId, String storedAs) {
	}

	/**
	 * A file not linked.
	 *
	 * @param file             the name it came with
	 * @param reason           why, in Japanese
	 * @param queued           true if kept in the queue for an operator; false if refused (nothing kept)
	 * @param queueId          the queue entry; null if not queued
	 * @param managementNumber the number read, if any
	 */
	record NotLinked(String file, String reason, boolean queued, Long queueId, String managementNumber) {
	}

	/**
	 * A file waiting in the queue.
	 *
	 * @param id           queue entry
	 * @param originalName the name it came with
	 * @param pages        its pages
	 * @param decoded      the number read, if any
	 * @param reason       why it is waiting
	 * @param queuedBy     who imported it
	 * @param queuedAt     when
	 */
	record QueuedScan(long id, String originalName, int pages, String decoded, String reason, String queuedBy,
			Instant queuedAt) {
	}
}
