package jp.ikiiki.desk.mailings.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.EnvelopeFilter;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionFilter;
import jp.ikiiki.desk.mailings.MailingDownload;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MissingBarcodeEnvelope;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.mailings.PullOut;
import jp.ikiiki.desk.mailings.PullOutImport;
import jp.ikiiki.desk.mailings.SubjectMailings;
import jp.ikiiki.desk.printing.UnprintableText;
import org.springframework.stereotype.Service;

/**
 * {@link Mailings} as one façade over the module's parts, each doing one job: the batch rows and their status
 * ({@link BatchStore}), what a batch holds ({@link BatchContents}), selection ({@link BatchSelection}), print runs
 * ({@link PrintRuns}), 引受番号 ranges ({@link RegisteredNumberRanges}), pull-outs ({@link PullOuts}), the post
 * office figures ({@link PostOfficeFigures}), the end of a batch ({@link Dispatches}) and one person's mailings
 * ({@link SubjectHistory}). The roles are checked on the interface.
 */
@Service
class MailingService implements Mailings {

	private final BatchStore store;
	private final BatchContents contents;
	private final BatchSelection selection;
	private final PrintRuns printRuns;
	private final RegisteredNumberRanges registeredNumbers;
	private final PullOuts pullOuts;
	private final PostOfficeFigures postOffice;
	private final Dispatches dispatches;
	private final SubjectHistory history;

	MailingService(BatchStore store, BatchContents contents, BatchSelection selection, PrintRuns printRuns,
			RegisteredNumberRanges registeredNumbers, PullOuts pullOuts, PostOfficeFigures postOffice,
			Dispatches dispatches, SubjectHistory history) {
		this.store = store;
		this.contents = contents;
		this.selection = selection;
		this.printRuns = printRuns;
		this.registeredNumbers = registeredNumbers;
		this.pullOuts = pullOuts;
		this.postOffice = postOffice;
		this.dispatches = dispatches;
		this.history = history;
	}

	// ---------------------------------------------------------------- batches

	@Override
	public List<MailingKind> kinds() {
		return store.kinds();
	}

	@Override
	public java.util.Map<String, String> formTitles() {
		return printRuns.formTitles();
	}

	@Override
	public long create(NewBatch batch, String channel) {
		return store.create(batch, channel);
	}

	@Override
	public List<BatchSummary> batches(int offset, int limit) {
		return store.summaries(offset, limit);
	}

	@Override
	public Optional<BatchSummary> batch(long id) {
		return store.summary(id);
	}

	// ---------------------------------------------------------------- what a batch holds

	@Override
	public List<Exclusion> exclusions(long batchId, ExclusionFilter filter, int offset, int limit, String channel) {
		return contents.exclusions(batchId, filter, offset, limit, channel);
	}

	@Override
	public int exclusionCount(long batchId, ExclusionFilter filter) {
		return contents.exclusionCount(batchId, filter);
	}

	@Override
	public void writeExclusionsXlsx(long batchId, ExclusionFilter filter, OutputStream out, String channel) {
		var b = store.load(batchId);
		contents.writeExclusionsXlsx(batchId, b.title(), b.kind().audience().subjects(), filter, out, channel);
	}

	@Override
	public List<Envelope> envelopes(long batchId, EnvelopeFilter filter, int offset, int limit, String channel) {
		return contents.envelopes(batchId, filter, offset, limit, channel);
	}

	@Override
	public int envelopeCount(long batchId, EnvelopeFilter filter) {
		return contents.envelopeCount(batchId, filter);
	}

	@Override
	public void writeEnvelopesXlsx(long batchId, EnvelopeFilter filter, OutputStream out, String channel) {
		var b = store.load(batchId);
		contents.writeEnvelopesXlsx(batchId, b.title(), b.kind().audience().subjects(), filter, out, channel);
	}

	// ---------------------------------------------------------------- selection and print runs

	@Override
	public BatchSummary select(long batchId, MailingProgress progress, String channel) {
		return selection.select(batchId, progress, channel);
	}

	@Override
	public List<UnprintableText> undecided(long batchId, String channel) {
		return printRuns.undecided(batchId, channel);
	}

	@Override
	public PrintRun print(long batchId, MailingProgress progress, String channel) {
		return printRuns.print(batchId, progress, channel);
	}

	@Override
	public List<MissingBarcodeEnvelope> missingCustomerBarcodes(long batchId, String channel) {
		return printRuns.missingCustomerBarcodes(batchId, channel);
	}

	// ---------------------------------------------------------------- pull-outs

	@Override
	public List<PullOut> pullOut(String number, String reason, String channel) {
		return pullOuts.pullOut(number, reason, channel);
	}

	@Override
	public PullOutImport importPullOuts(String fileName, InputStream content, String channel) {
		return pullOuts.importList(fileName, content, channel);
	}

	// ---------------------------------------------------------------- post office and 引受番号

	@Override
	public List<PostageLine> postage(long batchId) {
		return postOffice.postage(batchId);
	}

	@Override
	public MailingDownload postageXlsx(long batchId, String channel) {
		return postOffice.xlsx(batchId, channel);
	}

	@Override
	public long addRegisteredRange(String first, String last, String channel) {
		return registeredNumbers.addRange(first, last, channel);
	}

	@Override
	public long registeredNumbersLeft() {
		return registeredNumbers.left();
	}

	@Override
	public MailingDownload registeredNumbersXlsx(long batchId, String channel) {
		return registeredNumbers.xlsx(batchId, channel);
	}

	// ---------------------------------------------------------------- the end of a batch

	@Override
	public BatchSummary dispatch(long batchId, LocalDate dispatchedOn, String channel) {
		return dispatches.dispatch(batchId, dispatchedOn, channel);
	}

	@Override
	public BatchSummary cancel(long batchId, String reason, String channel) {
		return dispatches.cancel(batchId, reason, channel);
	}

	@Override
	public List<String> dispatchedSubjects(long batchId) {
		return dispatches.dispatchedSubjects(batchId);
	}

	@Override
	public List<String> dispatchedRecipients(long batchId) {
		return dispatches.dispatchedRecipients(batchId);
	}

	@Override
	public int reissueCount(String subjectId) {
		return dispatches.reissueCount(subjectId);
	}

	// ---------------------------------------------------------------- one person's mailings

	@Override
	public SubjectMailings sentTo(String addressNumber, String channel) {
		return history.sentTo(addressNumber, channel);
	}
}
