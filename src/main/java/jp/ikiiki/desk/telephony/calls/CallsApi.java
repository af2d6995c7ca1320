package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.JapanTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.telephony.CallOutcome;
import jp.ikiiki.desk.telephony.CallRecord;
import jp.ikiiki.desk.telephony.CallRecords;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.HungUpBy;
import jp.ikiiki.desk.telephony.StatsPeriod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recorded calls and the answer rate (第6章1(4), 第6章2 ※1). A missing parameter is a 400 naming it; a value that
 * cannot be read or is out of range a 422 naming the parameter and the value (the API's one error advice).
 */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "calls", description = "受電記録と応答率 (第6章2 ※1). Call lists contain caller numbers and are audited.")
class CallsApi {

	static final String LIST_CHANNEL = "GET /api/calls";

	private final CallRecords records;
	private final CallStatistics statistics;

	CallsApi(CallRecords records, CallStatistics statistics) {
		this.records = records;
		this.statistics = statistics;
	}

	/**
	 * One call.
	 *
	 * @param linkedId     Asterisk's Linkedid
	 * @param arrivedAt    arrival (ISO 8601, UTC)
	 * @param outcome      ANSWERED, ABANDONED, TIMEOUT or REFUSED, in hours or not
	 * @param inHours      whether it came in opening hours
	 * @param waitSeconds  queue wait; 0 for a refused call
	 * @param ringSeconds  ring time of the member who answered
	 * @param talkSeconds  conversation
	 * @param member       the queue member who answered
	 * @param callerNumber the caller's number (personal data)
	 * @param hungUpBy     CALLER, AGENT, SYSTEM or UNKNOWN
	 * @param incomplete   some of its events were missed
	 */
	record CallItem(String linkedId, Instant arrivedAt, CallOutcome outcome, boolean inHours, BigDecimal waitSeconds,
			Integer ringSeconds, Integer talkSeconds, String member, String callerNumber, HungUpBy hungUpBy,
			boolean incomplete) {

		static CallItem of(CallRecord r) {
			return new CallItem(r.linkedId(), r.arrivedAt(), r.outcome(), r.inHours(), r.waitSeconds(),
					r.ringSeconds(), r.talkSeconds(), r.member(), r.callerNumber(), r.hungUpBy(), r.incomplete());
		}
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER', 'CITY_STAFF')")
	@Operation(summary = "Recorded calls", description = "Calls that arrived in [from, to), oldest first, at most "
			+ CallRecords.MAX_CALLS + ". A date (yyyy-MM-dd) is a whole day in Asia/Tokyo (to included); a date-time "
			+ "needs an offset (2026-11-24T09:00+09:00). FLOOR_MANAGER and CITY_STAFF; audited.")
	@ApiResponse(responseCode = "200", description = "the calls (possibly none)")
	@ApiResponse(responseCode = "400", description = "from or to missing")
	@ApiResponse(responseCode = "422", description = "from or to unreadable, or to not after from")
	List<CallItem> calls(@Parameter(description = "first day or instant") @RequestParam("from") String from,
			@Parameter(description = "last day (included) or instant (excluded)") @RequestParam("to") String to) {
		Instant start = instant("from", from, false);
		Instant end = instant("to", to, true);
		return records.between(start, end, LIST_CHANNEL).stream().map(CallItem::of).toList();
	}

	@GetMapping("/stats")
	@Operation(summary = "Answer rate and call counts per period",
			description = "received counts every call in opening hours, refused ones included; outOfHours is shown "
					+ "apart. answerRate = answered ÷ received (null when nothing was received) under the named "
					+ "definition; gap is true when the period overlaps a gap in the telephony data.")
	@ApiResponse(responseCode = "200", description = "one entry per period, zero periods included")
	@ApiResponse(responseCode = "400", description = "from or to missing")
	@ApiResponse(responseCode = "422", description = "bad dates, range, period or definition")
	List<CallStats> stats(@Parameter(description = "first day, yyyy-MM-dd") @RequestParam("from") String from,
			@Parameter(description = "last day (included), yyyy-MM-dd") @RequestParam("to") String to,
			@Parameter(description = "day, halfday, halfhour or hour") @RequestParam(name = "by", defaultValue = "day") String by,
			@Parameter(description = "answer-rate definition; the configured default if absent") @RequestParam(name = "definition", required = false) String definition) {
		return statistics.stats(date("from", from), date("to", to), period(by), definition);
	}

	private static StatsPeriod period(String by) {
		return switch (by.toLowerCase(Locale.ROOT)) {
			case "day" -> StatsPeriod.DAY;
			case "halfday", "half-day", "half_day" -> StatsPeriod.HALF_DAY;
			case "halfhour", "half-hour", "half_hour" -> StatsPeriod.HALF_HOUR;
			case "hour" -> StatsPeriod.HOUR;
			default -> throw new InvalidInputException("by", "by は day, halfday, halfhour, hour のいずれかで指定してください: " + by);
		};
	}

	private static LocalDate date(String name, String value) {
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(name, name + " を yyyy-MM-dd で指定してください: " + value);
		}
	}

	private static Instant instant(String name, String value, boolean endOfDay) {
		// an unencoded "+" in a query string arrives as a space
		String text = value.trim().replace(' ', '+');
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(JapanTime.ZONE).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(name,
					name + " は yyyy-MM-dd または時差付きの日時（2026-11-24T09:00+09:00）で指定してください: " + value);
		}
	}
}
