package jp.ikiiki.desk.agentdesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signing in as a user for a block, call records inserted as the telephony writes them, and values each test makes
 * its own (user names, caller numbers, Linkedids), so that tests sharing the database never see each other's rows.
 */
public final class DeskTestSupport {

	private DeskTestSupport() {
	}

	public static <T> T as(String username, String role, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username,
				null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		try {
			return action.get();
		} finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	public static void as(String username, String role, Runnable action) {
		as(username, role, () -> {
			action.run();
			return null;
		});
	}

	/** A user name no other test uses: {@code prefix-xxxxxxxx}. */
	public static String uniqueUser(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A caller number no other test uses (a mobile number: 090 and eight random digits). */
	public static String uniqueNumber() {
		return "090" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** An AMI Linkedid no other call has. */
	public static String uniqueLinkedId() {
		return "it-" + UUID.randomUUID();
	}

	/** A console session id (the HTTP session a binding lives as long as). */
	public static String uniqueSession() {
		return UUID.randomUUID().toString().replace("-", "").toUpperCase();
	}

	/** A finished call in {@code call_record} (in hours). */
	public static void callRecord(JdbcClient jdbc, String linkedId, Instant arrivedAt, String outcome, String number) {
		boolean answered = "ANSWERED".equals(outcome);
		jdbc.sql("""
				insert into call_record (linked_id, queue, outcome, in_hours, arrived_at, joined_queue_at, connected_at,
				                         ended_at, wait_seconds, member, caller_number, hung_up_by)
				values (:id, case when :outcome = 'REFUSED' then null else 'inquiry' end, :outcome, true, :at, :at,
				        case when :answered then :at + interval '10 seconds' end, :at + interval '60 seconds', 10,
				        case when :answered then 'Agent 1' end, :number,
				        case when :answered then 'AGENT' when :outcome = 'ABANDONED' then 'CALLER' else 'SYSTEM' end)
				""").param("id", linkedId).param("outcome", outcome).param("answered", answered)
				.param("at", arrivedAt.atOffset(java.time.ZoneOffset.UTC)).param("number", number).update();
	}
}
