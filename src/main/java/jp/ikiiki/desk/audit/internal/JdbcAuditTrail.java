package jp.ikiiki.desk.audit.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditTrail implements AuditTrail {

	static final String SYSTEM = "system";
	private final JdbcClient jdbc;
	private final MeterRegistry meters;

	JdbcAuditTrail(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.meters = meters;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(AuditAction action, String channel, Collection<String> subjectIds, String fileName, String detail) {
		insert(currentUsername(), action, channel, subjectIds, fileName, detail);
	}

	// The shorthands are overridden so that the call goes through the transactional proxy (a default method
	// calling record() would be a self-invocation and join the caller's transaction, which may roll back).
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(AuditAction action, String channel, Collection<String> subjectIds, String detail) {
		insert(currentUsername(), action, channel, subjectIds, null, detail);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFile(AuditAction action, String channel, String fileName, String detail) {
		insert(currentUsername(), action, channel, java.util.List.of(), fileName, detail);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFor(String username, AuditAction action, String channel, String detail) {
		insert(username, action, channel, java.util.List.of(), null, detail);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSignIn(String username, AuditAction action, String channel, String sourceAddress, String detail) {
		insert(username, action, channel, java.util.List.of(), null, detail, sourceAddress);
	}

	private void insert(String username, AuditAction action, String channel, Collection<String> subjectIds,
			String fileName, String detail) {
		insert(username, action, channel, subjectIds, fileName, detail, requestAddress());
	}

	private void insert(String username, AuditAction action, String channel, Collection<String> subjectIds,
			String fileName, String detail, String sourceAddress) {
		jdbc.sql("""
				insert into audit_event (username, action, channel, subject_ids, file_name, detail, source_address)
				values (:username, :action, :channel, :subjects, :file, :detail, :address)""")
				.param("username", truncate(username == null || username.isBlank() ? SYSTEM : username, 64))
				.param("action", action.name())
				.param("channel", truncate(channel, 200))
				.param("subjects", subjectIds == null ? new String[0] : subjectIds.toArray(String[]::new))
				.param("file", fileName == null ? null : truncate(fileName, 300))
				.param("detail", detail)
				.param("address", sourceAddress == null ? null : truncate(sourceAddress, 64))
				.update();
		meters.counter("ikiiki.audit.events", "action", action.name()).increment();
	}

	/** The client's address of the HTTP request being served on this thread, or null (push, scheduler, listener). */
	static String requestAddress() {
		if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
				instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

	static String currentUsername() {
		return CurrentUser.name();
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
