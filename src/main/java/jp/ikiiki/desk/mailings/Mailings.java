package jp.ikiiki.desk.mailings;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.printing.UnprintableText;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Mailing batches (第4章): create, select, write print files per bundle, pull out, count for the post office, assign
 * 引受番号, dispatch or withdraw. Operators change; floor managers read; agents read one person's mailings
 * ({@link #sentTo}). Every change and every read or download of
 * personal data is audited with the channel it came from; nothing personal goes to the application log.
 *
 * <p>Refusals are domain exceptions whose message is the reason for the operator: {@link BatchStateException} (409)
 * when the batch's {@link BatchStatus} does not allow the action, {@link jp.ikiiki.desk.shared.StateConflictException}
 * (409) for other conflicts (引受番号 run out, a bundle already written), {@link jp.ikiiki.desk.shared.NotFoundException}
 * (404) for an unknown batch or number, {@link jp.ikiiki.desk.shared.InvalidInputException} (422, naming the field)
 * for a value that cannot be accepted.
 */
public interface Mailings {

	/** The kinds an operator can choose, in menu order. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<MailingKind> kinds();

	/** The print forms' names as people call them, by layout id (for {@link MailingKind#forms()}). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	java.util.Map<String, String> formTitles();

	/**
	 * Creates a batch in status {@link BatchStatus#NEW}. Audited as CREATE.
	 *
	 * @return the new batch's id
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for an unknown kind, a blank title, a bundle size outside
	 *                                                     1–10,000, a list kind without targets, or list entries that
	 *                                                     are not 宛名番号
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	long create(NewBatch batch, String channel);

	/** The newest batches first; at most 500 per call. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<BatchSummary> batches(int offset, int limit);

	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	Optional<BatchSummary> batch(long id);

	/**
	 * Selects the batch's envelopes (第4章: checks per kind, sorted by postcode, split into bundles), replacing an
	 * earlier selection of the same batch. All or nothing: cancelled, nothing changes. Audited as UPDATE with the
	 * counts.
	 *
	 * @throws BatchStateException if print files were already written, or the batch is dispatched or withdrawn
	 * @throws java.util.concurrent.CancellationException if cancelled through {@code progress}
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BatchSummary select(long batchId, MailingProgress progress, String channel);

	/** The subjects left out that match the filter, in its order. Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Exclusion> exclusions(long batchId, ExclusionFilter filter, int offset, int limit, String channel);

	/** The subjects left out, in 宛名番号 order. Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	default List<Exclusion> exclusions(long batchId, int offset, int limit, String channel) {
		return exclusions(batchId, ExclusionFilter.ALL, offset, limit, channel);
	}

	/** How many left-out subjects match the filter (no personal data: not audited). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	int exclusionCount(long batchId, ExclusionFilter filter);

	/**
	 * Writes the left-out subjects that match the filter as XLSX (宛名番号, reason, detail), streamed. Audited as
	 * DOWNLOAD with the people listed.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void writeExclusionsXlsx(long batchId, ExclusionFilter filter, OutputStream out, String channel);

	/** The envelopes that match the filter (pulled ones included unless filtered, marked). Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Envelope> envelopes(long batchId, EnvelopeFilter filter, int offset, int limit, String channel);

	/** The envelopes in postcode order (pulled ones included, marked). Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	default List<Envelope> envelopes(long batchId, int offset, int limit, String channel) {
		return envelopes(batchId, EnvelopeFilter.ALL, offset, limit, channel);
	}

	/** How many envelopes match the filter (not audited: a count names nobody). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	int envelopeCount(long batchId, EnvelopeFilter filter);

	/**
	 * Writes the envelopes that match the filter as XLSX (bundle, position, postcode, 宛名番号, 申請書管理番号, name,
	 * mark, reissue, 引受番号, pull-out), streamed for batches of any size. Audited as DOWNLOAD with the people listed.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	void writeEnvelopesXlsx(long batchId, EnvelopeFilter filter, OutputStream out, String channel);

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
	 * @throws BatchStateException if the batch is not selected, or is dispatched or withdrawn
	 * @throws jp.ikiiki.desk.shared.StateConflictException if 引受番号 run out (nothing assigned)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	PrintRun print(long batchId, MailingProgress progress, String channel);

	/**
	 * The envelopes printed without a customer barcode because Japan Post's rules cannot handle their address, in
	 * bundle order, as the print run recorded them bundle by bundle; empty before printing. Audited as VIEW.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<MissingBarcodeEnvelope> missingCustomerBarcodes(long batchId, String channel);

	/**
	 * Pulls one item out (第4章1(3)(4)): finds it by 宛名番号, 申請書管理番号 or 引受番号 in every open (not
	 * dispatched, not withdrawn) batch. Audited as UPDATE.
	 *
	 * @return every place found
	 * @throws jp.ikiiki.desk.shared.NotFoundException     if the number is in no open batch
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the reason or the number is blank
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
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for a malformed number, a wrong check digit, first after
	 *                                                     last, or an overlap with a range already recorded
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	long addRegisteredRange(String first, String last, String channel);

	/** 引受番号 not yet used in all recorded ranges. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	long registeredNumbersLeft();

	/**
	 * The batch's 引受番号 list as XLSX for the city (第4章1(6)), pulled-out envelopes not listed. Audited as DOWNLOAD.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException if the kind is not registered mail or no number is
	 *                                                      assigned yet
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	MailingDownload registeredNumbersXlsx(long batchId, String channel);

	/**
	 * Hands the batch over: records 発送日 for every envelope not pulled out (the subject's mailing history, reissue
	 * counts), in one transaction, once. Audited as UPDATE.
	 *
	 * @throws BatchStateException unless every print file is written and the batch is neither dispatched nor
	 *                             withdrawn
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the date is missing
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BatchSummary dispatch(long batchId, LocalDate dispatchedOn, String channel);

	/**
	 * Withdraws a batch not yet dispatched: nothing of it is sent, no 発送日 is recorded, and its subjects are free
	 * for other batches of the kind (no longer "in another open batch"). Print files already written stay on disk
	 * and must not be used; 引受番号 already assigned are not given out again. Audited as UPDATE.
	 *
	 * @throws BatchStateException if the batch is dispatched or already withdrawn
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the reason is blank
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	BatchSummary cancel(long batchId, String reason, String channel);

	/**
	 * The 宛名番号 a dispatched batch was sent to (pulled-out envelopes not), in 宛名番号 order; empty before dispatch.
	 * For the module that made the batch (the points notice run records who was notified); not audited: no person
	 * looks at it.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown batch
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	List<String> dispatchedSubjects(long batchId);

	/**
	 * The keys of the envelopes a dispatched batch sent, pulled-out ones not, in key order: 宛名番号, or for a batch of
	 * {@link MailingKind.Audience#GIVEN_ADDRESSES} the keys the module gave ({@link MailingRecipient#key()}). Empty for a
	 * batch not dispatched.
	 *
	 * @throws jp.ikiiki.desk.shared.NotFoundException for an unknown batch
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	List<String> dispatchedRecipients(long batchId);

	/** How many times a person's booklet was reissued (第4章4): dispatched reissues, pulled ones not counted. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	int reissueCount(String subjectId);

	/**
	 * What was mailed to one person, for the agent who has the person on the phone ("when was my booklet sent?"):
	 * every envelope of the person in a batch not withdrawn — being prepared, dispatched (発送日, 引受番号, which
	 * reissue) or pulled out (when, why) — and the person's reissue count. Audited as VIEW naming the person, with
	 * the channel.
	 *
	 * @param addressNumber the person's 宛名番号 (digits; full-width digits and spaces tolerated)
	 * @return the person's mailings; empty lists for a number no batch holds
	 * @throws jp.ikiiki.desk.shared.InvalidInputException if the text is not a 宛名番号
	 */
	@PreAuthorize("hasAnyRole('AGENT', 'OPERATOR', 'FLOOR_MANAGER')")
	SubjectMailings sentTo(String addressNumber, String channel);
}
