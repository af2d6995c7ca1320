package jp.ikiiki.desk.notices;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ikiiki.notices.*}.
 *
 * @param dueSoonDays a notice due within this many days (第8章2: a month after the city's receipt) is listed with the
 *                    late ones
 */
@ConfigurationProperties("ikiiki.notices")
public record NoticesProperties(@DefaultValue("7") int dueSoonDays) {

	public NoticesProperties {
		if (dueSoonDays < 0 || dueSoonDays > 31) {
			throw new IllegalStateException("ikiiki.notices.due-soon-days must be 0–31");
		}
	}
}
