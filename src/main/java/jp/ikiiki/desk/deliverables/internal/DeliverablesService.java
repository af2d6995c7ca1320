package jp.ikiiki.desk.deliverables.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.deliverables.DeliverableFile;
import jp.ikiiki.desk.deliverables.DeliverableKind;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.DeliverableSchedule;
import jp.ikiiki.desk.deliverables.DeliverableState;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deliverables calendar: the contract's lines merged with the kinds other modules provide, the periods each owes
 * and the steps of each period. A file is generated in one REPEATABLE READ transaction (one snapshot of the
 * database, whose start is stored as the file's snapshot time), then stored with its SHA-256 in a second one that
 * re-checks the period's state under a row lock, so that two people generating at once cannot both win.
 */
@Service
class DeliverablesService implements Deliverables {

	private static final String CHANNEL = "提出物";

	/** A kind as the calendar knows it: a contract line, with the bean that generates it if there is one. */
	record Kind(String code, String label, String category, String clause, DeliverableSchedule schedule,
			DeliverableKind provider) {
	}

	private final DeliverableStore store;
	private final AuditTrail audit;
	private final Map<String, Kind> kinds;
	private final DeliverableDates dates;
	private final TransactionTemplate snapshot;
	private final TransactionTemplate write;
	private final Clock clock;
	private final int lookbackMonths;

	DeliverablesService(DeliverableStore store, AuditTrail audit, List<DeliverableKind> providers,
			BusinessCalendar calendar, DeliverablesProperties properties, PlatformTransactionManager transactions,
			ObjectProvider<Clock> clock) {
		this.store = store;
		this.audit = audit;
		this.kinds = kinds(providers);
		this.dates = new DeliverableDates(calendar, properties.asNeededOpenDays());
		this.snapshot = new TransactionTemplate(transactions);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		snapshot.setReadOnly(true);
		this.write = new TransactionTemplate(transactions);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.lookbackMonths = properties.lookbackMonths();
	}

	/** The contract's lines first (in the table's order), each replaced by its provider, then other providers. */
	static Map<String, Kind> kinds(List<DeliverableKind> providers) {
		Map<String, Kind> kinds = new LinkedHashMap<>();
		for (ContractLines.Line line : ContractLines.LINES) {
			kinds.put(line.code(), new Kind(line.code(), line.label(), line.category(), line.clause(), line.schedule(),
					null));
		}
		for (DeliverableKind p : providers) {
			if (kinds.containsKey(p.code()) && kinds.get(p.code()).provider() != null) {
				throw new IllegalStateException("two deliverable kinds with the code " + p.code());
			}
			kinds.put(p.code(), new Kind(p.code(), p.label(), p.category(), p.clause(), p.schedule(), p));
		}
		return kinds;
	}

	@Override
	public List<DeliverablePeriod> month(YearMonth month) {
		LocalDate today = today();
		Map<String, DeliverableStore.Row> stored = new LinkedHashMap<>();
		for (DeliverableStore.Row r : store.dueBetween(month.atDay(1), month.atEndOfMonth())) {
			stored.put(r.kind() + "\u0000" + r.period(), r);
		}
		List<DeliverablePeriod> periods = new ArrayList<>();
		for (Kind kind : kinds.values()) {
			for (DeliverableDates.Due due : dues(kind, month)) {
				DeliverableStore.Row row = stored.remove(kind.code() + "\u0000" + due.period());
				periods.add(view(kind, due.period(), due.label(), due.due(), row, today));
			}
		}
		// Stored periods the calendar no longer computes (an occurrence beyond the months looked at) still show.
		for (DeliverableStore.Row row : stored.values()) {
			Kind kind = kinds.getOrDefault(row.kind(), new Kind(row.kind(), row.kind(), "", "", DeliverableSchedule.AS_NEEDED,
					null));
			periods.add(view(kind, row.period(), row.period(), row.due(), row, today));
		}
		periods.sort(Comparator.comparing(DeliverablePeriod::due).thenComparing(p -> order(p.kind()))
				.thenComparing(DeliverablePeriod::period));
		return periods;
	}

	@Override
	public List<DeliverablePeriod> overdue(LocalDate today) {
		YearMonth current = YearMonth.from(today);
		YearMonth first = current.minusMonths(lookbackMonths);
		Map<String, DeliverablePeriod> late = new LinkedHashMap<>();
		for (DeliverableStore.Row row : store.undeliveredBefore(first.atDay(1))) {
			Kind kind = kinds.get(row.kind());
			if (kind != null && kind.provider() != null) {
				late.put(row.kind() + "\u0000" + row.period(), view(kind, row.period(), row.period(), row.due(), row, today));
			}
		}
		for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
			for (DeliverablePeriod p : month(m)) {
				if (p.provided() && p.due().isBefore(today) && !p.state().delivered()) {
					late.put(p.kind() + "\u0000" + p.period(), p);
				}
			}
		}
		return new ArrayList<>(late.values());
	}

	@Override
	public DeliverablePeriod generate(String kindCode, String period) {
		Kind kind = provided(kindCode);
		Owed owed = owed(kind, period);
		DeliverableState before = store.find(kind.code(), period).map(DeliverableStore.Row::state)
				.orElse(DeliverableState.DUE);
		guard(before, DeliverableState.GENERATED);
		Generated generated = snapshot.execute(tx -> {
			Instant at = store.transactionStart();
			return new Generated(kind.provider().generate(period), at);
		});
		DeliverableFile file = generated.file();
		String sha = sha256(file.content());
		UUID id = UUID.randomUUID();
		String by = CurrentUser.name();
		Instant now = clock.instant();
		write.executeWithoutResult(tx -> {
			DeliverableStore.Row row = store.lock(kind.code(), period, owed.due());
			guard(row.state(), DeliverableState.GENERATED);
			store.insertFile(id, row.id(), file.fileName(), file.contentType(), file.content(), sha, generated.at(), by,
					now);
			store.generated(row.id(), id, by, now);
		});
		audit.recordFile(AuditAction.EXPORT, CHANNEL, file.fileName(),
				"提出物作成 " + kind.label() + " " + owed.label() + " SHA-256=" + sha);
		return period(kind, period, owed);
	}

	@Override
	public DeliverablePeriod check(String kindCode, String period, UUID fileId) {
		return review(kindCode, period, fileId, DeliverableState.CHECKED, null);
	}

	@Override
	public DeliverablePeriod reject(String kindCode, String period, UUID fileId, String reason) {
		String note = reason == null ? "" : reason.strip();
		if (note.isEmpty()) {
			throw new InvalidInputException("reason", "差戻しの理由を入力してください。");
		}
		if (note.length() > 500) {
			throw new InvalidInputException("reason", "差戻しの理由は500文字以内で入力してください。");
		}
		return review(kindCode, period, fileId, DeliverableState.REJECTED, note);
	}

	private DeliverablePeriod review(String kindCode, String period, UUID fileId, DeliverableState next, String note) {
		Kind kind = known(kindCode);
		Owed owed = owed(kind, period);
		String by = CurrentUser.name();
		write.executeWithoutResult(tx -> {
			DeliverableStore.Row row = store.find(kind.code(), period)
					.orElseThrow(() -> new StateConflictException("この提出物はまだ作成されていません。"));
			DeliverableStore.Row locked = store.lock(kind.code(), period, row.due());
			guard(locked.state(), next);
			if (fileId == null || !fileId.equals(locked.fileId())) {
				throw new StateConflictException("確認したファイルは最新の版ではありません。画面を更新して最新の版を確認してください。");
			}
			if (by.equals(locked.generatedBy())) {
				throw new StateConflictException("作成した本人は確認できません。別の担当者が確認してください。")
						.with("generatedBy", locked.generatedBy());
			}
			store.checked(locked.id(), next, by, clock.instant(), note);
		});
		audit.recordFile(AuditAction.UPDATE, CHANNEL, null, (next == DeliverableState.CHECKED ? "提出物確認 " : "提出物差戻し ")
				+ kind.label() + " " + owed.label());
		return period(kind, period, owed);
	}

	@Override
	public DeliverablePeriod deliver(String kindCode, String period) {
		Kind kind = known(kindCode);
		Owed owed = owed(kind, period);
		write.executeWithoutResult(tx -> {
			DeliverableStore.Row row = store.find(kind.code(), period)
					.orElseThrow(() -> new StateConflictException("この提出物はまだ作成されていません。"));
			DeliverableStore.Row locked = store.lock(kind.code(), period, row.due());
			guard(locked.state(), DeliverableState.DELIVERED);
			store.delivered(locked.id(), CurrentUser.name(), clock.instant());
		});
		audit.recordFile(AuditAction.SEND, CHANNEL, null, "提出物納品 " + kind.label() + " " + owed.label());
		return period(kind, period, owed);
	}

	@Override
	public StoredDeliverableFile download(UUID fileId, String channel) {
		DeliverableStore.FileInfo info = store.file(fileId)
				.orElseThrow(() -> new NotFoundException("指定のファイルはありません。"));
		DeliverableStore.Row row = store.byId(info.deliverable()).orElseThrow();
		boolean staff = CurrentUser.hasRole("OPERATOR") || CurrentUser.hasRole("FLOOR_MANAGER");
		boolean city = CurrentUser.hasRole("CITY_STAFF") && !staff;
		if (city && !(info.id().equals(row.fileId()) && row.state().delivered())) {
			// The city sees only what was delivered; a draft is, for them, a file that does not exist.
			throw new NotFoundException("指定のファイルはありません。");
		}
		byte[] content = store.content(fileId);
		if (!sha256(content).equals(info.sha256())) {
			throw new IllegalStateException("stored deliverable file does not match its SHA-256: " + fileId);
		}
		Instant now = clock.instant();
		write.executeWithoutResult(tx -> {
			store.recordDownload(fileId, CurrentUser.name(), city, channel, now);
			if (city) {
				store.downloaded(fileId, CurrentUser.name(), now);
			}
		});
		audit.recordFile(AuditAction.DOWNLOAD, channel, info.fileName(),
				"提出物 " + label(row.kind()) + " " + row.period() + " SHA-256=" + info.sha256());
		return new StoredDeliverableFile(info.id(), info.fileName(), info.contentType(), info.sha256(), content);
	}

	/** The periods a kind owes in a month. */
	private List<DeliverableDates.Due> dues(Kind kind, YearMonth month) {
		if (kind.schedule() != DeliverableSchedule.AS_NEEDED) {
			return dates.fixed(kind.schedule(), month);
		}
		if (kind.provider() == null) {
			return List.of();
		}
		List<DeliverableDates.Due> dues = new ArrayList<>();
		for (YearMonth m : DeliverableDates.occurrenceMonths(month)) {
			for (DeliverableKind.Occurrence o : occurrences(kind, m)) {
				LocalDate due = dates.dueOf(o);
				if (YearMonth.from(due).equals(month)) {
					dues.add(new DeliverableDates.Due(o.key(), o.label(), due));
				}
			}
		}
		return dues;
	}

	/**
	 * The occurrences of a 随時 kind, read as the application: they name no person (an import's number and file name),
	 * and every role that sees the calendar must see them, although the owning module lets only some roles list them.
	 */
	private static List<DeliverableKind.Occurrence> occurrences(Kind kind, YearMonth month) {
		return CurrentUser.callAsSystem(() -> kind.provider().occurrences(month), "CITY_STAFF", "OPERATOR");
	}

	/** A period the kind owes, with its due date; refused if the key is none of its periods. */
	private Owed owed(Kind kind, String period) {
		if (period == null || period.isBlank() || period.length() > 32) {
			throw new NotFoundException("指定の期間はありません。");
		}
		if (kind.schedule() != DeliverableSchedule.AS_NEEDED) {
			LocalDate due = dates.dueOf(kind.schedule(), period);
			if (due == null) {
				throw new NotFoundException("指定の期間はありません。").with("period", period);
			}
			return new Owed(due, dates.fixed(kind.schedule(), YearMonth.from(due)).stream()
					.filter(d -> d.period().equals(period)).map(DeliverableDates.Due::label).findFirst().orElse(period));
		}
		Optional<DeliverableStore.Row> stored = store.find(kind.code(), period);
		if (stored.isPresent()) {
			return new Owed(stored.get().due(), period);
		}
		if (kind.provider() != null) {
			YearMonth current = YearMonth.from(today());
			for (int i = 0; i <= 12; i++) {
				for (DeliverableKind.Occurrence o : occurrences(kind, current.minusMonths(i))) {
					if (o.key().equals(period)) {
						return new Owed(dates.dueOf(o), o.label());
					}
				}
			}
		}
		throw new NotFoundException("指定の期間はありません。").with("period", period);
	}

	private DeliverablePeriod period(Kind kind, String period, Owed owed) {
		return view(kind, period, owed.label(), owed.due(), store.find(kind.code(), period).orElse(null), today());
	}

	private DeliverablePeriod view(Kind kind, String period, String label, LocalDate due, DeliverableStore.Row row,
			LocalDate today) {
		DeliverableState state = row == null ? DeliverableState.DUE : row.state();
		Optional<DeliverableStore.FileInfo> file = row == null || row.fileId() == null ? Optional.empty()
				: store.file(row.fileId());
		boolean overdue = due.isBefore(today) && !state.delivered();
		return new DeliverablePeriod(kind.code(), kind.label(), kind.category(), kind.schedule(), period, label,
				row == null ? due : row.due(), state, overdue, kind.provider() != null,
				file.map(DeliverableStore.FileInfo::id).orElse(null),
				file.map(DeliverableStore.FileInfo::fileName).orElse(null),
				file.map(DeliverableStore.FileInfo::sha256).orElse(null), row == null ? null : row.generatedBy(),
				row == null ? null : row.generatedAt(), row == null ? null : row.checkedBy(),
				row == null ? null : row.checkedAt(), row == null ? null : row.checkNote(),
				row == null ? null : row.deliveredBy(), row == null ? null : row.deliveredAt(),
				row == null ? null : row.downloadedBy(), row == null ? null : row.downloadedAt());
	}

	private Kind known(String code) {
		Kind kind = code == null ? null : kinds.get(code);
		if (kind == null) {
			throw new NotFoundException("指定の提出物の種類はありません。").with("kind", String.valueOf(code));
		}
		return kind;
	}

	private Kind provided(String code) {
		Kind kind = known(code);
		if (kind.provider() == null) {
			throw new StateConflictException("「" + kind.label() + "」を作成する機能はまだありません。").with("kind", code);
		}
		return kind;
	}

	private static void guard(DeliverableState from, DeliverableState to) {
		if (!from.canBecome(to)) {
			throw new StateConflictException("この提出物は「" + from.label() + "」のため、この操作はできません。")
					.with("state", from.name());
		}
	}

	private String label(String code) {
		Kind kind = kinds.get(code);
		return kind == null ? code : kind.label();
	}

	private int order(String code) {
		int i = 0;
		for (String c : kinds.keySet()) {
			if (c.equals(code)) {
				return i;
			}
			i++;
		}
		return i;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JapanTime.ZONE);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private record Owed(LocalDate due, String label) {
	}

	private record Generated(DeliverableFile file, Instant at) {
	}
}
