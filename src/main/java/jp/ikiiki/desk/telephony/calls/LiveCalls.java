package jp.ikiiki.desk.telephony.calls;

import java.time.Clock;
import java.util.Optional;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.LinesInUse;
import org.springframework.stereotype.Component;

/** The live figures of the calls in progress, for the line pools and the wallboard. */
@Component
class LiveCalls implements CallCentreNow, LinesInUse {

	private final CallAssembler assembler;
	private final Clock clock;

	LiveCalls(CallAssembler assembler, Optional<Clock> clock) {
		this.assembler = assembler;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Snapshot now() {
		return new Snapshot(assembler.linesInUse(), assembler.callersWaiting(),
				assembler.longestWaitSeconds(clock.instant()));
	}

	@Override
	public int linesInUse() {
		return assembler.linesInUse();
	}
}
