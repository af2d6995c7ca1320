package jp.ikiiki.desk.mailings;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.printing.UnprintableText;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Mailing batches (第4章): create, select, write print files per bundle, pull out, count for the post office, assign
 * 引受番号, dispatch. Operators change; floor managers read. Every change and every download of personal data is
 * audited with the channel it came from; nothing personal goes to the application log.
 */
public interface Mailings {

	/** The kinds an operator can choose, in menu order. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<MailingKind> kinds();

	/**
	 * Creates a batch in status NEW. Audited as CREATE.
	 *
	 * @return the new batch's id
	 * @throws IllegalArgumentException for an unknown kind, a blank title, a bundle size outside 1–10,000, or a
	 *                                  list kind without targets (message for the operator)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	long create(NewBatch batch, String channel);

	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<BatchSummary> batches(int offset, int limit);

	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Optional<BatchSummary> batch(long id);

	/**
	 * Selects the batch's envelopes (第4章: checks per kind, sorted by postcode, split into bundles), replacing an
	 * earlier selection of the same batch. All or nothing: cancelled, nothing changes. Audited as UPDATE with the
	 * counts.
	 *
	 * @throws IllegalStateException if print files were already written or the batch is dispatched
	 * @throws java.util.concurrent.CancellationException if cancelled through {@code progress}
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BatchSummary select(long batchId, MailingProgress progress, String channel);

	/** The subjects left out, in 宛名番号 order. Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Exclusion> exclusions(long batchId, int offset, int limit, String channel);

	/** The envelopes in postcode order (pulled ones included, marked). Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Envelope> envelopes(long batchId, int offset, int limit, String channel);

	/** Fields of the batch's envelopes that await the city's decision on characters (第3章1); empty if none. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<UnprintableText> undecided(long batchId, String channel);

	/**
	 * Writes the print files, bundle by bundle, each to a temporary name and then moved into place; bundles
	 * written by an earlier run are skipped, so a cancelled run restarts without duplicates. Registered-mail kinds
	 * get their 引受番号 first. Nothing is written while any character is undecided. The envelopes of a bundle whose
	 * postal form gets no customer barcode are recorded with the bundle (see {@link #missingCustomerBarcodes}).
	 * Audited as PRINT per run.
	 *
	 * @throws IllegalStateException if the batch is not selected, or 引受番号 run out (nothing assigned)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	PrintRun print(long batchId, MailingProgress progress, String channel);

	/**
	 * The envelopes printed without a customer barcode (issue 5 point 2), in bundle order, as the print run recorded
	 * them bundle by bundle; empty before printing. Audited as VIEW.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<MissingBarcodeEnvelope> missingCustomerBarcodes(long batchId, String channel);

	/**
	 * Pulls one item out (第4章1(3)(4)): finds it by 宛名番号, 申請書管理番号 or 引受番号 in every open (not
	 * dispatched) batch. Audited as UPDATE.
	 *
	 * @return every place found
	 * @throws IllegalArgumentException if the number is in no open batch, or the reason is blank
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	List<PullOut> pullOut(String number, String reason, String channel);

	/**
	 * Imports the city's pull-out list (CSV in UTF-8 or Windows-31J, or XLSX; columns 番号, 理由; a header row is
	 * recognised and skipped). All or nothing.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	PullOutImport importPullOuts(String fileName, InputStream content, String channel);

	/** The 後納郵便差出票 figures of a batch (第4章1(5)), pulled-out envelopes not counted. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<PostageLine> postage(long batchId);

	/** The figures as XLSX for the city. Audited as DOWNLOAD. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	MailingDownload postageXlsx(long batchId, String channel);

	/**
	 * Records a range of 引受番号 handed out by the post office (11 digits with check digit, or the 10 digits
	 * before it; hyphens allowed). Audited as SETTINGS.
	 *
	 * @return how many numbers remain unused in all ranges
	 * @throws IllegalArgumentException for a malformed number, a wrong check digit, first after last, or an overlap
	 *                                  with a range already recorded
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	long addRegisteredRange(String first, String last, String channel);

	/** 引受番号 not yet used in all recorded ranges. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	long registeredNumbersLeft();

	/** The batch's 引受番号 list as XLSX for the city (第4章1(6)), pulled-out envelopes not listed. Audited as DOWNLOAD. */
	@PreAuthorize("hasRole('OPERATOR')")
	MailingDownload registeredNumbersXlsx(long batchId, String channel);

	/**
	 * Hands the batch over: records 発送日 for every envelope not pulled out (the subject's mailing history, reissue
	 * counts), in one transaction, once. Audited as UPDATE.
	 *
	 * @throws IllegalStateException unless every print file is written and the batch is not yet dispatched
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BatchSummary dispatch(long batchId, LocalDate dispatchedOn, String channel);

	/** How many times a person's booklet was reissued (第4章4): dispatched reissues, pulled ones not counted. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	int reissueCount(String subjectId);
}
