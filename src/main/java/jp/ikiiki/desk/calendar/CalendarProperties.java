package jp.ikiiki.desk.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Calendar settings ({@code ikiiki.calendar.*}).
 *
 * @param halfDayBoundary where the morning ends and the afternoon begins (Asia/Tokyo), default 12:00; must lie
 *                        between the opening (8:30) and the closing (17:15) of the call centre
 */
@Validated
@ConfigurationProperties("ikiiki.calendar")
public record CalendarProperties(@NotNull @DefaultValue("12:00") LocalTime halfDayBoundary) {

	public CalendarProperties {
		if (halfDayBoundary != null && (!halfDayBoundary.isAfter(BusinessCalendar.OPENS)
				|| !halfDayBoundary.isBefore(BusinessCalendar.CLOSES))) {
			throw new IllegalArgumentException("ikiiki.calendar.half-day-boundary must lie between "
					+ BusinessCalendar.OPENS + " and " + BusinessCalendar.CLOSES + ": " + halfDayBoundary);
		}
	}

	/** The defaults (boundary 12:00). */
	public static CalendarProperties defaults() {
		return new CalendarProperties(LocalTime.NOON);
	}
}
