package jp.ikiiki.desk.payments.internal;

import java.time.Clock;
import jp.ikiiki.desk.payments.PaymentsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
class PaymentsConfiguration {

	@Bean
	PaymentsClock paymentsClock(ObjectProvider<Clock> clock) {
		return new PaymentsClock(clock.getIfAvailable(Clock::systemUTC));
	}
}
