package jp.ikiiki.desk.mailings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.MailingDownload;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.printing.PrintFields;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 後納郵便差出票 figures (第4章1(5)): envelopes not pulled out, counted by the kind's postage class and, where
 * tickets differ in weight (第4章8), by ticket type.
 */
@Component
class PostOfficeFigures {

	private final JdbcClient jdbc;
	private final BatchStore store;
	private final AuditTrail audit;
	private final MailingsProperties properties;

	PostOfficeFigures(JdbcClient jdbc, BatchStore store, AuditTrail audit, MailingsProperties properties) {
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
		this.properties = properties;
	}

	List<PostageLine> postage(long batchId) {
		return postage(store.load(batchId));
	}

	private List<PostageLine> postage(BatchStore.Batch b) {
		var cls = properties.postageOf(b.kind().code());
		Map<List<String>, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select fields ->> cast(:ticketField as text) as ticket, count(*) as n from mailing_envelope
				where batch_id = :id and pulled_at is null group by 1 order by 1 nulls first""")
				.param("ticketField", PrintFields.TICKET_TYPE).param("id", b.id()).query(rs -> {
					String weight = cls.weightFor(rs.getString("ticket"));
					counts.merge(List.of(cls.envelope(), cls.sizeClass(), weight, cls.handling()), rs.getInt("n"), Integer::sum);
				});
		return counts.entrySet().stream()
				.map(e -> new PostageLine(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
						e.getValue()))
				.toList();
	}

	MailingDownload xlsx(long batchId, String channel) {
		BatchStore.Batch b = store.load(batchId);
		String name = "後納郵便差出票_バッチ" + batchId + ".xlsx";
		byte[] content = Workbooks.postage(b.title(), b.kind().label(), postage(b));
		audit.recordFile(AuditAction.DOWNLOAD, channel, name, "郵送バッチ " + batchId + " 後納郵便差出票の数値");
		return new MailingDownload(name, MailingDownload.XLSX, content);
	}
}
