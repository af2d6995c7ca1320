package jp.ikiiki.desk.telephony;

import java.time.LocalDate;
import java.util.List;

/**
 * Past calls per half-day (from the call records). Implemented by the module's call tracking; line advice uses
 * it when a bean of this type exists and gives no advice otherwise.
 */
public interface CallArrivals {

	/** Every half-day from {@code from} to {@code to} (both inclusive) that had calls; half-days without none. */
	List<HalfDayCalls> between(LocalDate from, LocalDate to);
}
