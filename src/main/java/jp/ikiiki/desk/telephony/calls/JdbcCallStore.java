package jp.ikiiki.desk.telephony.calls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCallStore implements CallStore {

	private final JdbcClient jdbc;

	JdbcCallStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean save(FinishedCall c, boolean inHours) {
		// xmax = 0 only on a freshly inserted row: an update (incomplete → complete) is not a new call.
		return jdbc.sql("""
				insert into call_record (linked_id, queue, outcome, in_hours, arrived_at, joined_queue_at, left_queue_at,
				    connected_at, ended_at, wait_seconds, ring_seconds, talk_seconds, hold_time, member, caller_number,
				    hung_up_by, caller_hung_up_before_abandon, refused_lines, refused_in_use, incomplete)
				values (:linkedId, :queue, :outcome, :inHours, :arrivedAt, :joinedQueueAt, :leftQueueAt, :connectedAt,
				    :endedAt, :waitSeconds, :ringSeconds, :talkSeconds, :holdTime, :member, :callerNumber, :hungUpBy,
				    :callerHungUpBeforeAbandon, :refusedLines, :refusedInUse, :incomplete)
				on conflict (linked_id) do update set
				    queue = excluded.queue, outcome = excluded.outcome, in_hours = excluded.in_hours,
				    arrived_at = excluded.arrived_at, joined_queue_at = excluded.joined_queue_at,
				    left_queue_at = excluded.left_queue_at, connected_at = excluded.connected_at,
				    ended_at = excluded.ended_at, wait_seconds = excluded.wait_seconds,
				    ring_seconds = excluded.ring_seconds, talk_seconds = excluded.talk_seconds,
				    hold_time = excluded.hold_time, member = excluded.member, caller_number = excluded.caller_number,
				    hung_up_by = excluded.hung_up_by,
				    caller_hung_up_before_abandon = excluded.caller_hung_up_before_abandon,
				    refused_lines = excluded.refused_lines, refused_in_use = excluded.refused_in_use,
				    incomplete = false, recorded_at = now()
				where call_record.incomplete and not excluded.incomplete
				returning (xmax = 0) as inserted
				""")
				.param("linkedId", c.linkedId())
				.param("queue", c.queue())
				.param("outcome", c.outcome().name())
				.param("inHours", inHours)
				.param("arrivedAt", ts(c.arrivedAt()))
				.param("joinedQueueAt", ts(c.joinedQueueAt()))
				.param("leftQueueAt", ts(c.leftQueueAt()))
				.param("connectedAt", ts(c.connectedAt()))
				.param("endedAt", ts(c.endedAt()))
				.param("waitSeconds", c.waitSeconds())
				.param("ringSeconds", c.ringSeconds())
				.param("talkSeconds", c.talkSeconds())
				.param("holdTime", c.holdTime())
				.param("member", c.member())
				.param("callerNumber", c.callerNumber())
				.param("hungUpBy", c.hungUpBy().name())
				.param("callerHungUpBeforeAbandon", c.callerHungUpBeforeAbandon())
				.param("refusedLines", c.refusedLines())
				.param("refusedInUse", c.refusedInUse())
				.param("incomplete", c.incomplete())
				.query(Boolean.class).optional().orElse(false);
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
