package jp.ikiiki.desk.tally.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.DomainException;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.ManagementNumber;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletReceipts;
import jp.ikiiki.desk.tally.BookletReceived;
import jp.ikiiki.desk.tally.BookletState;
import jp.ikiiki.desk.tally.BookletSummary;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.BusinessYears;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receipt desk: each scan is checked in the order an operator can act on (a misread number first, then the year,
 * the subject, a duplicate, the deadline), and either becomes a booklet with its year and the city's receipt date or
 * a refusal row with its reason. The refusal is written in a transaction of its own, so it stays when the request
 * fails.
 */
@Service
class ReceiptService implements BookletReceipts {

	private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);
	private static final int SCANNED_MAX = 80;

	private final JdbcClient jdbc;
	private final Booklets booklets;
	private final SubjectLookup subjects;
	private final BusinessYears years;
	private final TallyClock clock;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final TransactionTemplate ownTransaction;

	ReceiptService(JdbcClient jdbc, Booklets booklets, SubjectLookup subjects, BusinessYears years, TallyClock clock,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.booklets = booklets;
		this.subjects = subjects;
		this.years = years;
		this.clock = clock;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Bundle openBundle(LocalDate receivedOn, int businessYear) {
		if (receivedOn == null) {
			throw new InvalidInputException("受付日", "市の受付日を入力してください");
		}
		ReceiptRules.checkNotFuture(receivedOn, clock.today());
		BusinessYear year = years.require(businessYear);
		ReceiptRules.checkYear(year, receivedOn);
		Instant now = clock.now();
		long id = jdbc.sql("""
				insert into booklet_bundle (received_on, business_year, opened_by, opened_at)
				values (:on, :year, :by, :at) returning id""")
				.param("on", receivedOn).param("year", businessYear).param("by", CurrentUser.name())
				.param("at", Booklets.at(now)).query(Long.class).single();
		return new Bundle(id, receivedOn, businessYear, CurrentUser.name(), now, 0, 0);
	}

	@Override
	public Optional<Bundle> bundle(long id) {
		return jdbc.sql("""
				select u.*, (select count(*) from booklet b where b.bundle_id = u.id) as received,
				       (select count(*) from booklet_refusal r where r.bundle_id = u.id) as refused
				from booklet_bundle u where u.id = :id""")
				.param("id", id)
				.query((rs, n) -> new Bundle(rs.getLong("id"), rs.getObject("received_on", LocalDate.class),
						rs.getInt("business_year"), rs.getString("opened_by"), Booklets.instant(rs, "opened_at"),
						rs.getInt("received"), rs.getInt("refused")))
				.optional();
	}

	@Override
	public BookletSummary receive(Receipt receipt, String channel) {
		String scanned = ManagementNumber.normalize(receipt.scanned());
		var attempt = new Attempt();
		try {
			return receiveChecked(receipt, scanned, channel, attempt);
		} catch (DomainException refusal) {
			recordRefusal(receipt, scanned, attempt.addressNumber, refusal);
			throw refusal;
		}
	}

	/** What one receipt found out before it was refused: the subject, if the number found one. */
	private static final class Attempt {
		String addressNumber;
	}

	private BookletSummary receiveChecked(Receipt receipt, String scanned, String channel, Attempt attempt) {
		ManagementNumber number = ManagementNumber.parse(scanned);
		if (receipt.receivedOn() == null) {
			throw new InvalidInputException("受付日", "市の受付日を入力してください");
		}
		if (receipt.bundleId() != null) {
			Bundle bundle = bundle(receipt.bundleId())
					.orElseThrow(() -> new NotFoundException("受付束 " + receipt.bundleId() + " はありません"));
			if (!bundle.receivedOn().equals(receipt.receivedOn())) {
				throw new InvalidInputException("受付日", "受付束の受付日と異なります");
			}
		}
		BusinessYear year = years.require(receipt.businessYear());
		ReceiptRules.checkNotFuture(receipt.receivedOn(), clock.today());
		SubjectDetail subject = subjectOf(number, channel);
		attempt.addressNumber = subject.addressNumber();
		ReceiptRules.checkSubject(subject);
		BookletKind kind = receipt.kind() == null ? BookletKind.MAIN : receipt.kind();
		Optional<BookletSummary> earlier = booklets.find(subject.addressNumber(), year.year(), kind);
		if (earlier.isPresent()) {
			throw duplicate(earlier.get());
		}
		ReceiptRules.checkYear(year, receipt.receivedOn());
		try {
			return transaction.execute(status -> insert(receipt, number, subject, year, kind));
		} catch (DuplicateKeyException raced) {
			// Two desks scanned the same booklet at once: the other one won.
			throw duplicate(booklets.find(subject.addressNumber(), year.year(), kind).orElseThrow(() -> raced));
		}
	}

	private SubjectDetail subjectOf(ManagementNumber number, String channel) {
		var query = new SubjectQuery(number.value(), null, null, null, null, null, List.of(), List.of());
		List<SubjectSummary> found = subjects.search(query, 2, channel);
		if (found.isEmpty()) {
			throw new NotFoundException("申請書管理番号 " + number.value() + " の対象者はいません");
		}
		if (found.size() > 1) {
			throw new InvalidInputException("申請書管理番号",
					"申請書管理番号 " + number.value() + " の対象者が複数います。市に確認してください");
		}
		return subjects.find(found.get(0).addressNumber(), channel)
				.orElseThrow(() -> new NotFoundException("申請書管理番号 " + number.value() + " の対象者はいません"));
	}

	private static StateConflictException duplicate(BookletSummary earlier) {
		var e = new StateConflictException("受付済みの手帳です（" + BusinessYear.labelOf(earlier.businessYear()) + "・"
				+ earlier.kind().label() + "、市の受付日 " + JapaneseDates.toWestern(earlier.receivedOn()) + "）");
		e.with("bookletId", earlier.id());
		return e;
	}

	private BookletSummary insert(Receipt receipt, ManagementNumber number, SubjectDetail subject, BusinessYear year,
			BookletKind kind) {
		Instant now = clock.now();
		String by = CurrentUser.name();
		long id = jdbc.sql("""
				insert into booklet (address_number, management_number, business_year, kind, received_on, bundle_id,
				                     received_by, received_at, state, transport_subsidy, care_level,
				                     disabled_transport_subsidy)
				values (:address, :number, :year, :kind, :on, :bundle, :by, :at, 'RECEIVED', :transport, :care, :disabled)
				returning id""")
				.param("address", subject.addressNumber()).param("number", number.value())
				.param("year", year.year()).param("kind", kind.name()).param("on", receipt.receivedOn())
				.param("bundle", receipt.bundleId()).param("by", by).param("at", Booklets.at(now))
				.param("transport", subject.subsidy() == null ? null : subject.subsidy().transportSubsidy())
				.param("care", subject.care() == null ? null : subject.care().level())
				.param("disabled", subject.subsidy() == null ? null : subject.subsidy().disabledTransportSubsidy())
				.query(Long.class).single();
		events.publishEvent(new BookletReceived(id, subject.addressNumber(), number.value(), year.year(), kind,
				receipt.receivedOn()));
		log.info("Booklet {} received for business year {} ({})", id, year.year(), kind);
		return new BookletSummary(id, subject.addressNumber(), number.value(), year.year(), kind, receipt.receivedOn(),
				BookletState.RECEIVED, now, by, null);
	}

	private void recordRefusal(Receipt receipt, String scanned, String address, DomainException refusal) {
		int status = refusal instanceof NotFoundException ? 404 : refusal instanceof StateConflictException ? 409 : 422;
		String text = scanned.isEmpty() ? "（空）" : scanned.length() > SCANNED_MAX ? scanned.substring(0, SCANNED_MAX) : scanned;
		LocalDate on = receipt.receivedOn() == null ? clock.today() : receipt.receivedOn();
		BookletKind kind = receipt.kind() == null ? BookletKind.MAIN : receipt.kind();
		Long bundle = receipt.bundleId() != null && bundle(receipt.bundleId()).isPresent() ? receipt.bundleId() : null;
		ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
				insert into booklet_refusal (bundle_id, scanned, address_number, business_year, kind, received_on, status,
				                             reason, refused_by, refused_at)
				values (:bundle, :scanned, :address, :year, :kind, :on, :status, :reason, :by, :at)""")
				.param("bundle", bundle).param("scanned", text).param("address", address)
				.param("year", receipt.businessYear()).param("kind", kind.name()).param("on", on)
				.param("status", status).param("reason", refusal.reason()).param("by", CurrentUser.name())
				.param("at", Booklets.at(clock.now())).update());
		log.info("Booklet receipt refused with status {}", status);
	}

	@Override
	public List<ScanLine> lines(long bundleId) {
		return jdbc.sql("""
				select * from (
				  select b.received_at as at, b.management_number as scanned, b.business_year, b.kind, b.received_on,
				         b.id as booklet_id, 0 as status, null as reason, b.received_by as by
				  from booklet b where b.bundle_id = :bundle
				  union all
				  select r.refused_at, r.scanned, r.business_year, r.kind, r.received_on, null, r.status, r.reason,
				         r.refused_by
				  from booklet_refusal r where r.bundle_id = :bundle
				) l order by at desc, booklet_id desc nulls last""")
				.param("bundle", bundleId).query(ReceiptService::line).list();
	}

	@Override
	public List<ScanLine> refusals(Integer businessYear, int limit) {
		return jdbc.sql("""
				select r.refused_at as at, r.scanned, r.business_year, r.kind, r.received_on, null::bigint as booklet_id,
				       r.status, r.reason, r.refused_by as by
				from booklet_refusal r where (cast(:year as int) is null or r.business_year = :year)
				order by r.refused_at desc, r.id desc limit :limit""")
				.param("year", businessYear).param("limit", Math.max(1, Math.min(limit, 10_000)))
				.query(ReceiptService::line).list();
	}

	@Override
	public Optional<BookletSummary> booklet(long id) {
		return booklets.find(id);
	}

	private static ScanLine line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ScanLine(Booklets.instant(rs, "at"), rs.getString("scanned"), rs.getInt("business_year"),
				BookletKind.valueOf(rs.getString("kind")), rs.getObject("received_on", LocalDate.class),
				rs.getObject("booklet_id", Long.class), rs.getInt("status"), rs.getString("reason"), rs.getString("by"));
	}
}
