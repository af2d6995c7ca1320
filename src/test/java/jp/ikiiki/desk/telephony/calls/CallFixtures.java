package jp.ikiiki.desk.telephony.calls;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/** Calls for tests outside this package: the recording stored as the test's own calls, through the recorder. */
public final class CallFixtures {

	/** Seconds since the epoch of the recording's first event. */
	static final double RECORDING_START = 1795336740.0;

	private CallFixtures() {
	}

	/**
	 * Stores the recording's eleven calls (6 answered, 1 abandoned, 1 timed out, 3 refused) as new calls whose
	 * Linkedids begin with {@code prefix}, starting at {@code start}, with a recorder of their own (nothing in the
	 * application's memory changes). Storing the same prefix again changes nothing.
	 */
	public static void recording(ApplicationContext context, String prefix, Instant start) {
		CallRecorder recorder = new CallRecorder(new CallAssembler("inquiry", CallsConfiguration.STALE_AFTER),
				context.getBean(JdbcCallStore.class), context.getBean(OpeningHours.class),
				context.getBean(CallMetrics.class));
		new AmiLog().copy(AmiLog.resource("/fixtures/ami/ami-events.log"), prefix,
				start.getEpochSecond() - RECORDING_START).forEach(recorder::onEvent);
	}
}
