package jp.ikiiki.desk.telephony.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.telephony.TelephonyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswerRateProperties.class)
class CallsConfiguration {

	/** A call without any event for this long had its hang-up missed; it is closed as incomplete. */
	static final Duration STALE_AFTER = Duration.ofHours(4);

	@Bean
	CallAssembler callAssembler(TelephonyProperties telephony) {
		return new CallAssembler(telephony.queue(), STALE_AFTER);
	}

	/** In hours means the business calendar's open day and hours; no rules of our own. */
	@Bean
	OpeningHours openingHours(BusinessCalendar calendar) {
		return new OpeningHours() {
			@Override
			public boolean isOpenAt(Instant instant) {
				return calendar.isOpenAt(instant);
			}

			@Override
			public LocalTime halfDayBoundary() {
				return calendar.halfDayBoundary();
			}
		};
	}
}
