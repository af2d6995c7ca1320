package jp.ikiiki.desk.telephony.calls.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.telephony.AmiEventConsumer;
import jp.ikiiki.desk.telephony.calls.AmiLog;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Call recording from parsed AMI events into PostgreSQL: the Asterisk 22 recording replayed {@code bench.copies}
 * times (default 200, 2,200 calls) with fresh Linkedids, on one thread, through every {@link AmiEventConsumer}
 * bean. Prints events/s and calls/s; asserts nothing but the row count. Run with
 * {@code mvn -Pbench test -Dtest=CallRecordingBenchmark}. Socket and asterisk-java parsing are not included (the
 * AMI helper's ingestion benchmark covers them).
 */
@Tag("bench")
@SpringBootTest
class CallRecordingBenchmark {

	@Autowired
	List<AmiEventConsumer> consumers;
	@Autowired
	JdbcClient jdbc;

	@Test
	void record_the_recording_many_times() throws IOException {
		int copies = Integer.getInteger("bench.copies", 200);
		String raw = AmiLog.resource("/fixtures/ami/ami-events.log");
		AmiLog log = new AmiLog();
		List<ManagerEvent> events = new ArrayList<>();
		for (int copy = 0; copy < copies; copy++) {
			events.addAll(log.copy(raw, String.format(Locale.ROOT, "b%05d-", copy), copy * 120.0));
		}
		jdbc.sql("delete from call_record where linked_id like 'b%'").update();

		long start = System.nanoTime();
		for (ManagerEvent event : events) {
			for (AmiEventConsumer consumer : consumers) {
				consumer.onEvent(event);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;

		int calls = jdbc.sql("select count(*) from call_record where linked_id like 'b%'").query(Integer.class).single();
		System.out.printf(Locale.ROOT, "%n[bench] %,d events, %,d calls recorded in %.2f s: %,.0f events/s, %,.0f calls/s"
				+ " (%d consumer bean(s))%n", events.size(), calls, seconds, events.size() / seconds, calls / seconds,
				consumers.size());
		if (calls != copies * 11) {
			throw new AssertionError("expected " + copies * 11 + " calls, got " + calls);
		}
	}
}
