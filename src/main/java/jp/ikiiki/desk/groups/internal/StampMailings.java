package jp.ikiiki.desk.groups.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchCancelled;
import jp.ikiiki.desk.mailings.BatchDispatched;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.MailingRecipient;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.StateConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The centre's stamp mailings (第5章1, 2) as batches of the mailings module ({@link GroupStampMailingKind}): every stamp
 * posted by the centre, issued and in no batch yet, one envelope per group to its representative with the group's
 * stamp numbers printed on the registration notice. A stamp is held by its batch until the batch is dispatched (its
 * 発送日 recorded) or withdrawn, its envelope pulled out or its group left out of the batch (then it is free for the
 * next batch). The stamps the city posts itself (第5章3: medical institutions, pharmacies, several stamps) are never
 * taken: for those the stamp-number data is prepared, nothing is mailed.
 *
 * <p>The representative's postcode is read from the start of the keyed address (〒730-0011 広島市中区…, as the form
 * asks for it); an address without one is given without postcode, and the batch leaves that group out as 宛先不備.
 */
@Component
class StampMailings {

	/** The recipient key of a group: {@code G} and its number (never a 宛名番号, which is digits). */
	static String key(long groupId) {
		return "G" + groupId;
	}

	/** A postcode at the start of an address, half- or full-width, with or without 〒 and hyphen. */
	private static final Pattern POSTCODE_FIRST = Pattern
			.compile("^[〒]?[\\s　]*([0-9０-９]{3})[\\s　]*[-－‐−ー―–—]?[\\s　]*([0-9０-９]{4})(?![0-9０-９])[\\s　]*(.*)$",
					Pattern.DOTALL);

	private final JdbcClient jdbc;
	private final Mailings mailings;
	private final GroupsClock clock;
	private final GroupRows rows;
	private final AuditTrail audit;

	StampMailings(JdbcClient jdbc, Mailings mailings, GroupsClock clock, GroupRows rows, AuditTrail audit) {
		this.jdbc = jdbc;
		this.mailings = mailings;
		this.clock = clock;
		this.rows = rows;
		this.audit = audit;
	}

	/** An address split into its leading postcode (7 digits, or null if it starts with none) and the rest. */
	record SplitAddress(String postcode, String address) {
	}

	static SplitAddress split(String address) {
		if (address == null || address.isBlank()) {
			return new SplitAddress(null, null);
		}
		Matcher m = POSTCODE_FIRST.matcher(address.strip());
		if (!m.matches()) {
			return new SplitAddress(null, address.strip());
		}
		// The rest as keyed: the layout prints what was written.
		String rest = m.group(3).strip();
		return new SplitAddress(Normalizer.normalize(m.group(1) + m.group(2), Normalizer.Form.NFKC),
				rest.isEmpty() ? null : rest);
	}

	private record Row(long number, long groupId, String name, String representative, String address) {
	}

	/**
	 * Makes and selects a batch of every stamp the centre posts that is in no batch yet (issued, packed or not), of
	 * groups still registered, one envelope per group. The groups left out (no postcode or address, no representative)
	 * keep their stamps free, listed in the batch's left-out list.
	 *
	 * @return the batch's id
	 * @throws StateConflictException if there is no such stamp, or every group would be left out (nothing is kept)
	 */
	@Transactional
	public long start(String channel) {
		// One at a time: two operators starting at once would otherwise both take the same stamps.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('groups.stamp-mailing'))").query(Object.class).optional();
		List<Row> stamps = jdbc.sql("""
				select s.number, s.group_id, g.name, g.representative_name, g.representative_address
				  from group_stamp s join activity_group g on g.id = s.group_id
				 where s.posted_by = 'CENTRE' and s.mailing_batch_id is null and s.mailed_on is null
				   and g.state in ('REGISTERED', 'CHANGED')
				 order by s.group_id, s.number for update of s""")
				.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
				.list();
		if (stamps.isEmpty()) {
			throw new StateConflictException("送付するスタンプがありません（受注者が送付するスタンプはすべて郵送物に登録済か発送済です）");
		}
		Map<Long, List<Row>> byGroup = stamps.stream()
				.collect(Collectors.groupingBy(Row::groupId, TreeMap::new, Collectors.toList()));
		List<MailingRecipient> recipients = new ArrayList<>(byGroup.size());
		byGroup.forEach((groupId, of) -> {
			Row g = of.get(0);
			SplitAddress a = split(g.address());
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put(PrintFields.GROUP_NAME, g.name());
			fields.put(PrintFields.STAMP_NUMBER,
					of.stream().map(r -> jp.ikiiki.desk.groups.Stamp.label(r.number())).collect(Collectors.joining("、")));
			String refusal = null;
			if (g.representative() == null || g.representative().isBlank()) {
				refusal = "代表者名なし";
			} else {
				fields.put(PrintFields.REPRESENTATIVE, g.representative().strip());
			}
			recipients.add(new MailingRecipient(key(groupId), g.name(), a.postcode(), a.address(), fields, refusal));
		});
		LocalDate today = clock.today();
		String title = JapaneseDates.toEraKanji(today).replaceFirst("\\d+日$", "") + " " + part(today) + " 活動団体スタンプ送付";
		long batchId = mailings.create(NewBatch.ofRecipients(GroupStampMailingKind.CODE, title, recipients), channel);
		mailings.select(batchId, MailingProgress.NONE, channel);
		jdbc.sql("update group_stamp set mailing_batch_id = :b where number in (:n)").param("b", batchId)
				.param("n", stamps.stream().map(Row::number).toList()).update();
		java.util.Set<Long> leftOut = new java.util.LinkedHashSet<>();
		List<String> reasons = new ArrayList<>();
		for (int offset = 0;; ) {
			List<Exclusion> page = mailings.exclusions(batchId, offset, 1_000, channel);
			for (Exclusion e : page) {
				Long g = groupOf(e.subjectId());
				if (g != null) {
					leftOut.add(g);
					reasons.add("団体 " + g + " " + byGroup.get(g).get(0).name() + ": " + e.reason().label()
							+ (e.detail() == null ? "" : "（" + e.detail() + "）"));
				}
			}
			if (page.size() < 1_000) {
				break;
			}
			offset += page.size();
		}
		if (leftOut.size() == byGroup.size()) {
			// A batch without an envelope sends nothing: nothing is kept (the transaction is rolled back), the operator
			// reads why and corrects the groups first.
			throw new StateConflictException("送付できる団体がありません。団体の登録内容（代表者の郵便番号・住所・氏名）を"
					+ "確認してください: " + String.join("、", reasons.subList(0, Math.min(5, reasons.size())))
					+ (reasons.size() > 5 ? " ほか " + (reasons.size() - 5) + " 件" : ""));
		}
		if (!leftOut.isEmpty()) {
			jdbc.sql("update group_stamp set mailing_batch_id = null where mailing_batch_id = :b and group_id in (:g)")
					.param("b", batchId).param("g", List.copyOf(leftOut)).update();
		}
		for (Long groupId : byGroup.keySet()) {
			if (!leftOut.contains(groupId)) {
				rows.history(groupId, "STAMPS_MAILING", null, "スタンプ送付の郵送物 " + batchId + " に登録");
			}
		}
		audit.record(AuditAction.CREATE, channel, List.of(), "スタンプ送付 郵送物 " + batchId + ": 団体 "
				+ (byGroup.size() - leftOut.size()) + " 件, 除外 " + leftOut.size() + " 件");
		return batchId;
	}

	/** 上旬, 中旬 or 下旬 of the day: the contract mails mid and late month; the operator decides when. */
	private static String part(LocalDate day) {
		return day.getDayOfMonth() <= 10 ? "上旬" : day.getDayOfMonth() <= 20 ? "中旬" : "下旬";
	}

	private static Long groupOf(String key) {
		return key != null && key.matches("G\\d{1,18}") ? Long.valueOf(key.substring(1)) : null;
	}

	/**
	 * The batch was handed to the post office: the stamps of the envelopes sent record the 発送日; those pulled out are
	 * free for the next batch. Runs in the dispatch's transaction.
	 */
	@EventListener
	void on(BatchDispatched dispatched) {
		if (!GroupStampMailingKind.CODE.equals(dispatched.kind())) {
			return;
		}
		List<Long> sent = mailings.dispatchedRecipients(dispatched.batchId()).stream().map(StampMailings::groupOf)
				.filter(java.util.Objects::nonNull).toList();
		if (!sent.isEmpty()) {
			jdbc.sql("update group_stamp set mailed_on = :on where mailing_batch_id = :b and group_id in (:g)")
					.param("on", dispatched.dispatchedOn()).param("b", dispatched.batchId()).param("g", sent).update();
		}
		jdbc.sql("update group_stamp set mailing_batch_id = null where mailing_batch_id = :b and mailed_on is null")
				.param("b", dispatched.batchId()).update();
		Map<Long, List<String>> labels = new TreeMap<>();
		jdbc.sql("select group_id, number from group_stamp where mailing_batch_id = :b order by number")
				.param("b", dispatched.batchId()).query((RowCallbackHandler) rs -> labels
						.computeIfAbsent(rs.getLong(1), g -> new ArrayList<>()).add(jp.ikiiki.desk.groups.Stamp.label(rs.getLong(2))));
		labels.forEach((groupId, numbers) -> rows.history(groupId, "STAMPS_MAILED", null, "スタンプ "
				+ String.join("、", numbers) + " 発送（郵送物 " + dispatched.batchId() + "、発送日 "
				+ JapaneseDates.toEraKanji(dispatched.dispatchedOn()) + "）"));
	}

	/** The batch was withdrawn: its stamps are free for the next batch. */
	@EventListener
	void on(BatchCancelled cancelled) {
		if (GroupStampMailingKind.CODE.equals(cancelled.kind())) {
			jdbc.sql("update group_stamp set mailing_batch_id = null where mailing_batch_id = :b and mailed_on is null")
					.param("b", cancelled.batchId()).update();
		}
	}
}
