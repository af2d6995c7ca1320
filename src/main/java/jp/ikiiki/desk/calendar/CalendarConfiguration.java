package jp.ikiiki.desk.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

	@Bean
	BusinessCalendar businessCalendar(CalendarProperties properties, ObjectProvider<MeterRegistry> registry,
			ObjectProvider<Clock> clock) {
		BusinessCalendar calendar = new BusinessCalendar(properties);
		Clock now = clock.getIfAvailable(Clock::systemUTC);
		registry.ifAvailable(r -> Gauge
				.builder("ikiiki.city.open", calendar, c -> c.isOpenAt(now.instant()) ? 1 : 0)
				.description("1 while the city is open (open day, 8:30–17:15 Asia/Tokyo), else 0")
				.register(r));
		return calendar;
	}
}
