package jp.ikiiki.desk.agentdesk.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import jp.ikiiki.desk.agentdesk.AgentDesk;
import jp.ikiiki.desk.agentdesk.CallLogDraft;
import jp.ikiiki.desk.agentdesk.CallLogEntry;
import jp.ikiiki.desk.agentdesk.CallerKind;
import jp.ikiiki.desk.agentdesk.DeskBinding;
import jp.ikiiki.desk.agentdesk.DeskMember;
import jp.ikiiki.desk.agentdesk.EarlierCall;
import jp.ikiiki.desk.agentdesk.InquiryCategory;
import jp.ikiiki.desk.agentdesk.InquiryClosed;
import jp.ikiiki.desk.agentdesk.InquiryClosed.Outcome;
import jp.ikiiki.desk.agentdesk.ScreenPop;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.manual.AnswerManual;
import jp.ikiiki.desk.manual.AnswerManual.ManualEntry;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import jp.ikiiki.desk.telephony.QueueMemberState;
import jp.ikiiki.desk.telephony.QueueMembers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The desk: bindings, the pop's content, and the call log. The pop itself comes from {@link PopDispatcher}. */
@Service
class DeskService implements AgentDesk {

	/** Earlier calls of a number shown in the pop, from each source. */
	static final int EARLIER_CALLS = 20;
	static final int SUBJECT_RESULTS = 20;

	private final CallLogStore store;
	private final DeskBindings bindings;
	private final PopBus bus;
	private final JdbcInquiryCategories categories;
	private final QueueMembers members;
	private final CallRecords callRecords;
	private final SubjectLookup subjects;
	/** The answer manual; absent until the manual module provides it (the desk then records no entry). */
	private final ObjectProvider<AnswerManual> manual;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DeskService(CallLogStore store, DeskBindings bindings, PopBus bus, JdbcInquiryCategories categories,
			QueueMembers members, CallRecords callRecords, SubjectLookup subjects, ObjectProvider<AnswerManual> manual,
			AuditTrail audit, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.bindings = bindings;
		this.bus = bus;
		this.categories = categories;
		this.members = members;
		this.callRecords = callRecords;
		this.subjects = subjects;
		this.manual = manual;
		this.audit = audit;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	// ------------------------------------------------------------------ the pop

	@Override
	public Runnable subscribe(LongConsumer onPop) {
		return bus.subscribe(CurrentUser.person(), onPop);
	}

	@Override
	public ScreenPop pop(long callLogId) {
		CallLogEntry entry = owned(callLogId);
		List<EarlierCall> earlier = earlierCalls(entry);
		Set<String> shown = new LinkedHashSet<>();
		if (entry.subjectId() != null) {
			shown.add(entry.subjectId());
		}
		earlier.stream().map(EarlierCall::subjectId).filter(s -> s != null).forEach(shown::add);
		audit.record(AuditAction.VIEW, CHANNEL, shown, "着信表示 通話記録 #" + entry.id() + "（発信者番号と同一番号の過去の通話 "
				+ earlier.size() + "件）");
		return new ScreenPop(entry, earlier);
	}

	private List<EarlierCall> earlierCalls(CallLogEntry entry) {
		if (entry.callerNumber() == null || entry.callerNumber().isBlank()) {
			return List.of();
		}
		List<CallLogEntry> logged = store.fromCaller(entry.callerNumber(), entry.startedAt(), entry.id(), EARLIER_CALLS);
		List<CallRecord> recorded = callRecords.fromCaller(entry.callerNumber(), entry.startedAt(), EARLIER_CALLS, CHANNEL);
		return EarlierCalls.merge(entry.linkedId(), logged, recorded, EARLIER_CALLS);
	}

	// ------------------------------------------------------------------ binding

	@Override
	public List<DeskMember> members() {
		Map<String, String> bound = bindings.all().stream()
				.collect(Collectors.toMap(b -> b.queue() + "\u0000" + b.memberInterface(), DeskBinding::username));
		return members.members().stream()
				.map(m -> new DeskMember(m.queue(), m.memberInterface(), m.name(), m.activity().label(),
						bound.get(m.queue() + "\u0000" + m.memberInterface())))
				.toList();
	}

	@Override
	public Optional<DeskBinding> binding() {
		return bindings.of(CurrentUser.person());
	}

	@Override
	@Transactional
	public DeskBinding bind(String queue, String memberInterface) {
		String me = CurrentUser.person();
		QueueMemberState member = members.member(queue, memberInterface).orElseThrow(
				() -> new IllegalArgumentException("電話（キューメンバー）が見つかりません: " + memberInterface));
		Optional<DeskBinding> other = bindings.atMember(queue, memberInterface).filter(b -> !b.username().equals(me));
		if (other.isPresent()) {
			throw new IllegalArgumentException("この電話（" + member.name() + "）は「" + other.get().username()
					+ "」さんが使用中です。先に解除してもらってください");
		}
		try {
			bindings.bind(me, queue, memberInterface);
		} catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("この電話（" + member.name() + "）は他の担当者が使用中です", e);
		}
		audit.record(AuditAction.UPDATE, CHANNEL, List.of(), "電話に接続: " + queue + " " + memberInterface);
		return bindings.of(me).orElseThrow();
	}

	@Override
	@Transactional
	public void release() {
		String me = CurrentUser.person();
		Optional<DeskBinding> before = bindings.of(me);
		if (before.isPresent() && bindings.release(me)) {
			audit.record(AuditAction.UPDATE, CHANNEL, List.of(),
					"電話の接続を解除: " + before.get().queue() + " " + before.get().memberInterface());
		}
	}

	// ------------------------------------------------------------------ the log

	@Override
	public List<CallLogEntry> openEntries() {
		List<CallLogEntry> open = store.openOf(CurrentUser.person());
		audit.record(AuditAction.VIEW, CHANNEL, open.stream().map(CallLogEntry::subjectId).filter(s -> s != null)
				.distinct().toList(), "未完了の通話記録 " + open.size() + "件");
		return open;
	}

	@Override
	@Transactional
	public CallLogEntry startManual(String callerNumber) {
		String number = callerNumber == null || callerNumber.isBlank() ? null
				: java.text.Normalizer.normalize(callerNumber, java.text.Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
		if (number != null && !number.matches("\\+?[0-9]{1,20}")) {
			throw new IllegalArgumentException("電話番号は数字で入力してください");
		}
		long id = store.openManual(number, CurrentUser.person(), clock.instant());
		audit.record(AuditAction.CREATE, CHANNEL, List.of(), "通話記録 #" + id + " を手動で作成（電話システム外）");
		return store.find(id).orElseThrow();
	}

	@Override
	public List<SubjectSummary> findSubjects(String text) {
		SubjectQuery query = SubjectQuery.parse(text);
		if (query.isEmpty()) {
			throw new IllegalArgumentException("カナ氏名・宛名番号・生年月日などを入力してください");
		}
		return subjects.search(query, SUBJECT_RESULTS, CHANNEL);
	}

	@Override
	public List<ManualEntry> searchManual(String text) {
		AnswerManual m = manual.getIfAvailable();
		return m == null ? List.of() : m.search(text == null ? "" : text, 20);
	}

	@Override
	@Transactional
	public CallLogEntry save(long callLogId, CallLogDraft draft) {
		CallLogEntry entry = ownedOpen(callLogId);
		CallerKind kind = checked(draft);
		store.update(entry.id(), draft, kind);
		CallLogEntry saved = store.find(entry.id()).orElseThrow();
		audit.record(AuditAction.UPDATE, CHANNEL, subjectIds(saved), "通話記録 #" + saved.id() + " を保存");
		return saved;
	}

	@Override
	@Transactional
	public CallLogEntry close(long callLogId, CallLogDraft draft, Outcome outcome) {
		CallLogEntry entry = ownedOpen(callLogId);
		CallerKind kind = checked(draft);
		List<String> missing = new ArrayList<>();
		if (draft.categoryId() == null) {
			missing.add("問合せ区分を選んでください");
		}
		if (draft.subjectId() == null && kind == null) {
			missing.add("対象者を紐付けるか、相手方（家族・ケアマネジャー等）を選んでください");
		}
		if (outcome == null) {
			missing.add("結果（回答済・折返し・市の指示待ち）を選んでください");
		}
		if (outcome == Outcome.NEEDS_INSTRUCTION && (draft.note() == null || draft.note().isBlank())) {
			missing.add("市の指示待ちにするには、聞き取った内容をメモに入力してください");
		}
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException(String.join("。", missing));
		}
		Instant now = clock.instant();
		store.update(entry.id(), draft, kind);
		if (!store.close(entry.id(), outcome, now)) {
			throw new IllegalArgumentException("この通話記録は既に完了しています");
		}
		CallLogEntry closed = store.find(entry.id()).orElseThrow();
		audit.record(AuditAction.UPDATE, CHANNEL, subjectIds(closed),
				"通話記録 #" + closed.id() + " を完了: " + outcome.label() + " / " + closed.category().fullName());
		events.publishEvent(new InquiryClosed(closed.id(), closed.linkedId(), closed.subjectId(),
				closed.callerNumber(), closed.category().fullName(), closed.note(), outcome, closed.agent(), now));
		return closed;
	}

	/** Checks the draft's references; returns who called (SUBJECT when a subject is linked and nothing else said). */
	private CallerKind checked(CallLogDraft draft) {
		if (draft.subjectId() != null && !draft.subjectId().matches("[0-9]{1,20}")) {
			throw new IllegalArgumentException("宛名番号が正しくありません");
		}
		if (draft.categoryId() != null) {
			InquiryCategory category = categories.find(draft.categoryId())
					.orElseThrow(() -> new IllegalArgumentException("問合せ区分が見つかりません: " + draft.categoryId()));
			if (categories.selectable().stream().noneMatch(c -> c.id() == category.id())) {
				throw new IllegalArgumentException("問合せ区分「" + category.fullName() + "」は選べません（廃止済みか、下位区分があります）");
			}
		}
		if (draft.manualEntryId() != null) {
			AnswerManual m = manual.getIfAvailable();
			if (draft.manualEntryVersion() == null || m == null
					|| m.entry(draft.manualEntryId(), draft.manualEntryVersion()).isEmpty()) {
				throw new IllegalArgumentException("回答マニュアルの項目が見つかりません: " + draft.manualEntryId() + " 版 "
						+ draft.manualEntryVersion());
			}
		} else if (draft.manualEntryVersion() != null) {
			throw new IllegalArgumentException("回答マニュアルの版だけが指定されています");
		}
		if (draft.note() != null && draft.note().length() > 4000) {
			throw new IllegalArgumentException("メモは4000文字以内にしてください（" + draft.note().length() + "文字）");
		}
		if (draft.callerKind() == null && draft.subjectId() != null) {
			return CallerKind.SUBJECT;
		}
		return draft.callerKind();
	}

	private CallLogEntry ownedOpen(long id) {
		CallLogEntry entry = owned(id);
		if (!entry.open()) {
			throw new IllegalArgumentException("この通話記録は既に完了しています");
		}
		return entry;
	}

	/** The entry if it is the user's (floor managers may act on every entry). */
	private CallLogEntry owned(long id) {
		CallLogEntry entry = store.find(id).orElseThrow(() -> new IllegalArgumentException("通話記録が見つかりません: " + id));
		if (!entry.agent().equals(CurrentUser.person()) && !CurrentUser.hasRole("FLOOR_MANAGER")) {
			throw new IllegalArgumentException("他の担当者の通話記録です: " + id);
		}
		return entry;
	}

	private static List<String> subjectIds(CallLogEntry entry) {
		return entry.subjectId() == null ? List.of() : List.of(entry.subjectId());
	}

}
