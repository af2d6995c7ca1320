package jp.ikiiki.desk.mailings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.SubjectMailing;
import jp.ikiiki.desk.mailings.SubjectMailings;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One person's mailings, for the agent desk: the dispatched envelopes as {@code subject_mailing} recorded them at
 * dispatch (発送日, 引受番号, reissue number: written once, so what the desk says is what was sent), and from
 * {@code mailing_envelope} the envelopes of batches still being prepared and those pulled out. Withdrawn batches sent
 * nothing and are left out. Both tables are read by 宛名番号 through their subject indexes; envelopes addressed to
 * recipients a module gave (activity groups, {@link MailingKind.Audience#GIVEN_ADDRESSES}) are no subject's and never
 * shown.
 */
@Component
class SubjectHistory {

	/** The statuses whose envelopes are about to be sent ({@link BatchStatus#open()}). */
	private static final String[] PREPARING = java.util.Arrays.stream(BatchStatus.values()).filter(BatchStatus::open)
			.map(Enum::name).toArray(String[]::new);

	private final JdbcClient jdbc;
	private final BatchStore store;
	private final AuditTrail audit;

	SubjectHistory(JdbcClient jdbc, BatchStore store, AuditTrail audit) {
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
	}

	SubjectMailings sentTo(String addressNumber, String channel) {
		String subject = AddressNumber.parse(addressNumber).value();
		// Newest first by the day that matters to the caller (発送日, the day of the pull-out); batches still being
		// prepared on top.
		List<SubjectMailing> mailings = jdbc.sql("""
				select * from (
				  select b.id, b.kind, b.title, b.status, m.dispatched_on, m.registered_number, m.reissue_no,
				         null::timestamptz as pulled_at, null as pull_reason
				    from subject_mailing m join mailing_batch b on b.id = m.batch_id
				   where m.subject_id = :subject
				  union all
				  select b.id, b.kind, b.title, b.status, null, e.registered_number, e.reissue_no, e.pulled_at,
				         e.pull_reason
				    from mailing_envelope e join mailing_batch b on b.id = e.batch_id
				   where e.subject_id = :subject and e.recipient_kind = 'SUBJECT' and b.status <> 'CANCELLED'
				     and (e.pulled_at is not null or b.status = any(:preparing))
				) h
				order by coalesce(dispatched_on, (pulled_at at time zone :zone)::date, date '9999-12-31') desc, id desc""")
				.param("subject", subject).param("preparing", PREPARING).param("zone", JapanTime.ZONE.getId())
				.query(this::row).list();
		// The reissue count of 第4章4, as Dispatches.reissueCount counts it: dispatched envelopes of reissue kinds.
		java.util.Set<String> reissueKinds = store.kinds().stream().filter(MailingKind::countsReissues)
				.map(MailingKind::code).collect(java.util.stream.Collectors.toSet());
		int reissues = (int) mailings.stream().filter(m -> m.state() == SubjectMailing.State.DISPATCHED)
				.filter(m -> reissueKinds.contains(m.kind())).count();
		audit.record(AuditAction.VIEW, channel, List.of(subject), "郵送履歴 " + mailings.size() + " 件（再交付 "
				+ reissues + " 回）");
		return new SubjectMailings(subject, mailings, reissues);
	}

	private SubjectMailing row(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString("kind");
		Timestamp pulled = rs.getTimestamp("pulled_at");
		String registered = rs.getString("registered_number");
		return new SubjectMailing(rs.getLong("id"), kind, store.kind(kind).map(MailingKind::label).orElse(kind),
				rs.getString("title"), BatchStatus.valueOf(rs.getString("status")),
				rs.getObject("dispatched_on", LocalDate.class),
				registered == null ? null : RegisteredNumber.display(registered.strip()), rs.getInt("reissue_no"),
				pulled == null ? null : pulled.toInstant(), rs.getString("pull_reason"));
	}
}
